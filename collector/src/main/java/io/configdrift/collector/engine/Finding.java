package io.configdrift.collector.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One drift the engine found.
 *
 * @param kind what sort of drift
 * @param source {@code env}, {@code sysprop}, ...
 * @param key the configuration key
 * @param a the first scope's side (for single-scope kinds: the majority, or the offending scope)
 * @param b the second scope's side (for single-scope kinds: the minority; null where there is none)
 * @param since since when the drift has existed: the later of the two sides' {@code since}
 * @param message one sentence a person can act on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(FindingKind kind, String source, String key, Side a, Side b, Instant since,
    String message) {
  /** Identifies the finding across runs, for alerting once per finding and for baselines. */
  public String identity(String service) {
    return service + "|" + kind.wireName() + "|" + source + "|" + key + "|"
        + (a == null ? "" : a.scope() + "=" + a.fingerprint()) + "|"
        + (b == null ? "" : b.scope() + "=" + b.fingerprint());
  }
}
