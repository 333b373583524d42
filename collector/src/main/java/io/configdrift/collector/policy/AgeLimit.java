package io.configdrift.collector.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.Side;
import java.util.List;

/**
 * How long drift on some keys may last before it breaks the policy (a debug switch left on).
 *
 * @param keys key patterns
 * @param scope only drift touching this scope counts; null = everywhere
 * @param maxAge the longest the drift may exist
 * @param reason why, quoted in findings; optional
 */
public record AgeLimit(List<KeyPattern> keys, @JsonDeserialize(using = ScopeText.class) Scope scope,
    Age maxAge, String reason) {
  public AgeLimit {
    keys = PolicyLists.nonEmpty(keys, "maxAge needs keys: the key patterns whose drift is temporary");
    if (maxAge == null) {
      throw new IllegalArgumentException("maxAge entry for " + keys + " needs maxAge, as in 1d or PT4H");
    }
  }

  public boolean appliesTo(Finding finding) {
    return KeyPattern.anyMatches(keys, finding.source(), finding.key())
        && (touches(finding.a()) || touches(finding.b()));
  }

  /** Whether {@code side} lies in the scope this limit watches. */
  public boolean touches(Side side) {
    return side != null && ScopeText.within(scope, side.scope());
  }
}
