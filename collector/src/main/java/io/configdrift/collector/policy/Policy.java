package io.configdrift.collector.policy;

import io.configdrift.collector.engine.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the team declared about its configuration: keys to ignore, differences that are fine,
 * rules values must follow, how long temporary drift may last, and accepted known drift.
 * docs/policy.md documents the YAML form {@link PolicyLoader} reads.
 */
public record Policy(List<KeyPattern> ignore, List<AllowDifferent> allowDifferent, List<Rule> rules,
    List<AgeLimit> maxAge, List<BaselineEntry> baseline, NoiseSettings noise) {
  public Policy {
    ignore = PolicyLists.copy(ignore);
    allowDifferent = PolicyLists.copy(allowDifferent);
    rules = PolicyLists.copy(rules);
    maxAge = PolicyLists.copy(maxAge);
    baseline = PolicyLists.copy(baseline);
    noise = noise == null ? NoiseSettings.none() : noise;
  }

  public static Policy empty() {
    return new Policy(null, null, null, null, null, null);
  }

  /** This policy with more accepted drift, e.g. a baseline kept in its own file. */
  public Policy withBaseline(List<BaselineEntry> more) {
    List<BaselineEntry> all = new ArrayList<>(baseline);
    all.addAll(more);
    return new Policy(ignore, allowDifferent, rules, maxAge, all, noise);
  }

  public boolean ignores(String source, String key) {
    return KeyPattern.anyMatches(ignore, source, key);
  }

  /** The first allowDifferent entry that explains this finding, if any. */
  public Optional<AllowDifferent> allowanceFor(Finding finding) {
    return allowDifferent.stream().filter(a -> a.allows(finding)).findFirst();
  }

  /** The first baseline entry that accepts this finding, if any. */
  public Optional<BaselineEntry> baselineEntryFor(Finding finding) {
    return baseline.stream().filter(b -> b.matches(finding)).findFirst();
  }

  /** The first maxAge entry that watches this finding's key and scopes, if any. */
  public Optional<AgeLimit> ageLimitFor(Finding finding) {
    return maxAge.stream().filter(limit -> limit.appliesTo(finding)).findFirst();
  }
}
