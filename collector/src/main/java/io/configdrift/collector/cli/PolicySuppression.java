package io.configdrift.collector.cli;

import io.configdrift.collector.engine.EngineResult;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a local policy's {@code ignore}, {@code allowDifferent} and {@code baseline} to findings
 * the collector computed. Rules and age limits need the instances' reports, which only the
 * collector (or the engine on report files) has, so they are not applied here.
 */
final class PolicySuppression {
  private PolicySuppression() {}

  static EngineResult apply(Policy policy, List<Finding> findings) {
    List<Finding> kept = new ArrayList<>();
    List<Finding> allowed = new ArrayList<>();
    List<Finding> baselined = new ArrayList<>();
    for (Finding finding : findings) {
      if (policy.ignores(finding.source(), finding.key())) {
        continue;
      }
      if (policy.allowanceFor(finding).isPresent()) {
        allowed.add(finding);
      } else if (policy.baselineEntryFor(finding).isPresent()) {
        baselined.add(finding);
      } else {
        kept.add(finding);
      }
    }
    return new EngineResult(kept, allowed, baselined);
  }
}
