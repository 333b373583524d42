package io.configdrift.collector.policy;

import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.FindingKind;
import io.configdrift.collector.engine.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keys that may differ between scopes by design (endpoints, credentials). Suppresses
 * {@code different}, {@code missing}, {@code defaulted} and {@code read-only-in} findings (or only
 * the listed {@code kinds}) of the keys when both compared scopes match.
 *
 * @param keys key patterns
 * @param environments if not empty, both scopes' environments must be among these
 * @param regions if not empty, both scopes must have a region among these
 * @param kinds the finding kinds allowed; empty = all four kinds between scopes. {@code [different]}
 *     lets values differ while a key missing somewhere is still reported
 * @param reason why the difference is fine; required
 */
public record AllowDifferent(List<KeyPattern> keys, List<String> environments, List<String> regions,
    List<FindingKind> kinds, String reason) {
  /** The kinds that compare two scopes; only those can be "allowed to differ". */
  static final Set<FindingKind> BETWEEN_SCOPES = EnumSet.of(
      FindingKind.DIFFERENT, FindingKind.MISSING, FindingKind.DEFAULTED, FindingKind.READ_ONLY_IN);

  public AllowDifferent {
    keys = PolicyLists.nonEmpty(keys, "allowDifferent needs keys: the key patterns that may differ");
    environments = PolicyLists.copy(environments);
    regions = PolicyLists.copy(regions);
    kinds = PolicyLists.copy(kinds).isEmpty() ? List.copyOf(BETWEEN_SCOPES) : List.copyOf(kinds);
    for (FindingKind kind : kinds) {
      if (!BETWEEN_SCOPES.contains(kind)) {
        throw new IllegalArgumentException("allowDifferent cannot allow " + kind.wireName()
            + " findings; kinds may only name different, missing, defaulted, read-only-in");
      }
    }
    reason = PolicyLists.requireReason(reason,
        "allowDifferent needs a reason: say why " + keys + " may differ");
  }

  public boolean allows(Finding finding) {
    return kinds.contains(finding.kind())
        && finding.a() != null && finding.b() != null
        && KeyPattern.anyMatches(keys, finding.source(), finding.key())
        && scopeMatches(finding.a().scope()) && scopeMatches(finding.b().scope());
  }

  private boolean scopeMatches(String scopeText) {
    Scope scope = Scope.parse(scopeText);
    return (environments.isEmpty() || environments.contains(scope.environment()))
        && (regions.isEmpty() || regions.contains(scope.region()));
  }
}
