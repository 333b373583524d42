package io.configdrift.collector.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One key across scopes.
 *
 * @param drift whether something here needs a person: a finding the policy did not explain away.
 *     Every difference across scopes gives a finding unless it is noise, ignored, allowed,
 *     baselined, or not comparable (different fingerprint algorithms and hidden values)
 * @param muted platform noise or ignored by the policy: shown for completeness, never drift
 *     unless an explicit rule says otherwise
 * @param cells by scope name, in the matrix's scope order; a scope where no instance reads or sets
 *     the key has no cell
 */
public record MatrixRow(String source, String key, boolean drift, boolean muted, Map<String, MatrixCell> cells) {
  public MatrixRow {
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }
}
