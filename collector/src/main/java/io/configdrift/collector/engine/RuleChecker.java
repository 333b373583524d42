package io.configdrift.collector.engine;

import io.configdrift.collector.policy.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the policy's rules against every instance of a scope that reads or sets a key. Rules
 * judge the value the code runs on: the set value, else the code's default. A hidden value is
 * checked by fingerprinting the expected value with the report's algorithm; when that is
 * impossible here (HMAC without the fleet key) the rule is skipped rather than guessed.
 */
final class RuleChecker {
  private final ValueFingerprints fingerprints;

  RuleChecker(ValueFingerprints fingerprints) {
    this.fingerprints = fingerprints;
  }

  /** In no particular order: the engine sorts all findings once. */
  List<Finding> check(ScopeIndex scope, List<Rule> rules) {
    List<Finding> findings = new ArrayList<>();
    if (rules.isEmpty()) {
      return findings;
    }
    for (ConfigKey key : scope.keys()) {
      for (Rule rule : rules) {
        if (rule.appliesTo(key.source(), key.key())) {
          findings.addAll(check(scope, key, rule));
        }
      }
    }
    return findings;
  }

  /** One finding per value that breaks the rule, naming the instances that hold it. */
  private List<Finding> check(ScopeIndex scope, ConfigKey key, Rule rule) {
    List<Observation> breaking = new ArrayList<>();
    for (Observation observation : scope.get(key).all()) {
      if (rule.appliesIn(observation.environment(), observation.region()) && breaks(rule, observation)) {
        breaking.add(observation);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (ValueGroup group : ValueGroup.of(breaking)) {
      Side side = scope.side(key, group);
      findings.add(new Finding(FindingKind.RULE, key.source(), key.key(), side, null, side.since(),
          FindingMessages.rule(key.key(), side, rule.describeRequirement(), rule.reason())));
    }
    return findings;
  }

  private boolean breaks(Rule rule, Observation observation) {
    return switch (rule.requirement()) {
      case ABSENT -> observation.present();
      case PRESENT -> observation.read() && !observation.present();
      case EQUALS, ONE_OF -> !isAllowed(observation, rule.allowedValues()).orElse(true);
    };
  }

  /** Whether the value the code runs on is allowed; empty when that cannot be told here. */
  private Optional<Boolean> isAllowed(Observation observation, List<String> allowed) {
    String fingerprint = observation.present() ? observation.fingerprint()
        : observation.defaultUsed() ? observation.defaultFingerprint() : null;
    String value = observation.present() ? observation.value()
        : observation.defaultUsed() ? observation.defaultValue() : null;
    if (fingerprint == null && value == null) {
      return Optional.of(false); // read and unset without a default: it certainly is not the expected value
    }
    if (value != null) {
      return Optional.of(allowed.contains(value));
    }
    for (String expected : allowed) {
      Optional<String> expectedFingerprint = fingerprints.fingerprint(observation.algorithm(), expected);
      if (expectedFingerprint.isEmpty()) {
        return Optional.empty();
      }
      if (expectedFingerprint.get().equals(fingerprint)) {
        return Optional.of(true);
      }
    }
    return Optional.of(false);
  }
}
