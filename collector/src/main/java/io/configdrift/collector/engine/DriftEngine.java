package io.configdrift.collector.engine;

import io.configdrift.collector.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the live instances of a service read and have set, scope against scope, and checks
 * each scope on its own. Pure: no I/O, and the same input (with the same {@code now}) always gives
 * the same, sorted findings.
 *
 * <p>How the kinds relate, so that one situation gives one finding: see {@link PairComparison} for
 * the kinds between scopes ({@code different}, {@code missing}, {@code defaulted},
 * {@code read-only-in}) and {@link SingleScopeChecks} for {@code unused} and {@code inconsistent};
 * {@code rule} findings come from the policy's rules and from drift older than its {@code maxAge}.
 * Platform noise ({@link NoiseFilter}) and ignored keys never give findings, except that an
 * explicit rule still applies to noise keys.
 */
public final class DriftEngine {
  private final RuleChecker ruleChecker;

  /** {@code fingerprints} lets rules check values the agent did not reveal. */
  public DriftEngine(ValueFingerprints fingerprints) {
    this.ruleChecker = new RuleChecker(fingerprints);
  }

  /** An engine for a collector without the fleet key: rules on hidden values work for SHA-256 reports only. */
  public static DriftEngine withoutFingerprintKey() {
    return new DriftEngine(ValueFingerprints.unkeyedOnly());
  }

  /** The drift between two scopes of a service, plus each scope's own findings. */
  public List<Finding> compare(String service, ScopeSnapshot a, ScopeSnapshot b, Policy policy, Instant now) {
    return evaluate(service, List.of(a, b), policy, now).findings();
  }

  /** One scope's own findings: unused, inconsistent, rule. */
  public List<Finding> inspect(String service, ScopeSnapshot scope, Policy policy, Instant now) {
    return evaluate(service, List.of(scope), policy, now).findings();
  }

  /**
   * Every scope's own findings and the drift between every pair of scopes, with what the policy
   * suppressed kept apart.
   */
  public EngineResult evaluate(String service, List<ScopeSnapshot> scopes, Policy policy, Instant now) {
    List<ScopeIndex> indexes = new ArrayList<>(scopes.size());
    for (ScopeSnapshot scope : scopes) {
      indexes.add(ScopeIndex.of(service, scope));
    }
    return evaluate(indexes, policy, now);
  }

  EngineResult evaluate(List<ScopeIndex> scopes, Policy policy, Instant now) {
    NoiseFilter noise = NoiseFilter.with(policy.noise());
    List<Finding> drift = new ArrayList<>();
    for (int i = 0; i < scopes.size(); i++) {
      for (int j = i + 1; j < scopes.size(); j++) {
        drift.addAll(PairComparison.compare(scopes.get(i), scopes.get(j)));
      }
    }
    for (ScopeIndex scope : scopes) {
      drift.addAll(SingleScopeChecks.check(scope));
    }
    drift.removeIf(f -> noise.isNoise(f.source(), f.key()) || policy.ignores(f.source(), f.key()));

    List<Finding> all = new ArrayList<>(drift);
    // Age limits look at drift before allowDifferent and baseline: "may differ, but not for longer than".
    all.addAll(AgeLimitChecker.check(drift, policy, now));
    for (ScopeIndex scope : scopes) {
      for (Finding broken : ruleChecker.check(scope, policy.rules())) {
        if (!policy.ignores(broken.source(), broken.key())) {
          all.add(broken);
        }
      }
    }
    return suppress(all, policy);
  }

  /**
   * Splits findings by the policy into kept, allowed ({@code allowDifferent}) and baselined, each in
   * {@link FindingOrder}. The CLI applies a local policy to a collector's findings with it.
   */
  public static EngineResult suppress(List<Finding> all, Policy policy) {
    List<Finding> findings = new ArrayList<>();
    List<Finding> allowed = new ArrayList<>();
    List<Finding> baselined = new ArrayList<>();
    for (Finding finding : all) {
      if (policy.allowanceFor(finding).isPresent()) {
        allowed.add(finding);
      } else if (policy.baselineEntryFor(finding).isPresent()) {
        baselined.add(finding);
      } else {
        findings.add(finding);
      }
    }
    findings.sort(FindingOrder.ORDER);
    allowed.sort(FindingOrder.ORDER);
    baselined.sort(FindingOrder.ORDER);
    return new EngineResult(findings, allowed, baselined);
  }
}
