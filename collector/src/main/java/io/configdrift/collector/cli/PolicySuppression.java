package io.configdrift.collector.cli;

import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.engine.EngineResult;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.policy.Policy;
import java.util.List;

/**
 * Applies a local policy's {@code ignore}, {@code allowDifferent} and {@code baseline} to findings
 * the collector computed. Rules and age limits need the instances' reports, which only the
 * collector (or the engine on report files) has, so they are not applied here.
 */
final class PolicySuppression {
  private PolicySuppression() {}

  static EngineResult apply(Policy policy, List<Finding> findings) {
    List<Finding> notIgnored = findings.stream()
        .filter(finding -> !policy.ignores(finding.source(), finding.key())).toList();
    return DriftEngine.suppress(notIgnored, policy);
  }
}
