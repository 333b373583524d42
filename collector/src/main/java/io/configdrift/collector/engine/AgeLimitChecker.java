package io.configdrift.collector.engine;

import io.configdrift.collector.policy.AgeLimit;
import io.configdrift.collector.policy.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns drift that has lasted longer than the policy's {@code maxAge} into a {@code rule} finding.
 * The drift finding itself stays as it is (or stays suppressed); the rule finding is the escalation.
 */
final class AgeLimitChecker {
  private AgeLimitChecker() {}

  static List<Finding> check(List<Finding> drift, Policy policy, Instant now) {
    List<Finding> overdue = new ArrayList<>();
    if (policy.maxAge().isEmpty()) {
      return overdue;
    }
    for (Finding finding : drift) {
      if (finding.kind() != FindingKind.RULE && finding.since() != null) {
        policy.ageLimitFor(finding).flatMap(limit -> overdue(finding, limit, now)).ifPresent(overdue::add);
      }
    }
    return overdue;
  }

  private static Optional<Finding> overdue(Finding drift, AgeLimit limit, Instant now) {
    Duration age = Duration.between(drift.since(), now);
    if (age.compareTo(limit.maxAge().duration()) <= 0) {
      return Optional.empty();
    }
    Side drifted = driftedSide(drift, limit);
    Side other = drifted == drift.a() ? drift.b() : drift.a();
    return Optional.of(new Finding(FindingKind.RULE, drift.source(), drift.key(), drifted, other,
        drift.since(), FindingMessages.ageLimit(drift.key(), drifted, age, limit.maxAge().toString(),
            drift.kind(), limit.reason())));
  }

  /** The side the limit watches whose value is newer: the one that was changed and left so. */
  private static Side driftedSide(Finding drift, AgeLimit limit) {
    Side a = drift.a();
    Side b = drift.b();
    if (b == null || !limit.touches(b)) {
      return a;
    }
    if (!limit.touches(a)) {
      return b;
    }
    return b.since() != null && (a.since() == null || b.since().isAfter(a.since())) ? b : a;
  }
}
