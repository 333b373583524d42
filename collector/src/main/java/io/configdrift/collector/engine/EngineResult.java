package io.configdrift.collector.engine;

import java.util.List;

/**
 * The engine's findings, and those the policy explained away (so that a UI can say "3 accepted").
 *
 * @param findings what a person should look at, sorted
 * @param allowed findings suppressed by an {@code allowDifferent} entry
 * @param baselined findings suppressed by a {@code baseline} entry
 */
public record EngineResult(List<Finding> findings, List<Finding> allowed, List<Finding> baselined) {
  public EngineResult {
    findings = List.copyOf(findings);
    allowed = List.copyOf(allowed);
    baselined = List.copyOf(baselined);
  }

  public int baselinedCount() {
    return baselined.size();
  }
}
