package io.configdrift.collector.engine;

import java.time.Instant;
import io.configdrift.protocol.CandidateRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings one scope gives on its own: settings nobody reads, instances that disagree, and
 * framework keys whose winning source shadows another value.
 */
final class SingleScopeChecks {
  private SingleScopeChecks() {}

  /** In no particular order: the engine sorts all findings once. */
  static List<Finding> check(ScopeIndex scope) {
    List<Finding> findings = new ArrayList<>();
    for (ConfigKey key : scope.keys()) {
      KeyObservations observations = scope.get(key);
      if (!observations.read()) {
        findings.add(unused(scope, key, observations));
      } else {
        inconsistent(scope, key, observations).ifPresent(findings::add);
        shadowed(scope, key, observations).ifPresent(findings::add);
      }
    }
    return findings;
  }

  /** Set on some instance, read by none: a dead flag, or code that has not run yet. */
  private static Finding unused(ScopeIndex scope, ConfigKey key, KeyObservations observations) {
    Side holder = scope.side(key, observations.dominant());
    return new Finding(FindingKind.UNUSED, key.source(), key.key(), holder, null, holder.since(),
        FindingMessages.unused(key.key(), holder, holder.since()));
  }

  /**
   * The framework took the value from one source while another source of the same scope defines a
   * different one (the file says 20, the environment says 10): a = the winner, b = the first
   * shadowed candidate with another value.
   */
  private static Optional<Finding> shadowed(ScopeIndex scope, ConfigKey key, KeyObservations observations) {
    Observation winner = observations.dominant().representative();
    if (!winner.present() || winner.candidates().isEmpty()) {
      return Optional.empty();
    }
    List<CandidateRecord> differing = winner.candidates().stream()
        .filter(c -> c.fingerprint != null && !c.fingerprint.equals(winner.fingerprint()))
        .toList();
    if (differing.isEmpty()) {
      return Optional.empty();
    }
    Side winning = scope.side(key, observations.dominant());
    CandidateRecord first = differing.get(0);
    Side loser = new Side(winning.scope(), true, true, first.value, first.fingerprint, false, null,
        winning.since(), winning.instances(), first.source, first.origin);
    return Optional.of(new Finding(FindingKind.SHADOWED, key.source(), key.key(), winning, loser, winning.since(),
        FindingMessages.shadowed(key.key(), winning, loser, differing.size(), winning.since())));
  }

  /** The instances that read the key disagree: a = the majority's value, b = the biggest dissent. */
  private static Optional<Finding> inconsistent(ScopeIndex scope, ConfigKey key, KeyObservations observations) {
    return observations.dissent().map(dissent -> {
      Side majority = scope.side(key, observations.dominant());
      Side minority = scope.side(key, dissent);
      Instant since = Timestamps.later(majority.since(), minority.since());
      int otherValues = observations.groups().size() - 1;
      return new Finding(FindingKind.INCONSISTENT, key.source(), key.key(), majority, minority, since,
          FindingMessages.inconsistent(key.key(), scope.name(), majority, minority, otherValues, since));
    });
  }
}
