package io.configdrift.collector.engine;

import io.configdrift.protocol.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows of one scope: the latest report of each live instance in it, and since
 * when each value has been seen there.
 *
 * @param scope the scope these reports belong to
 * @param reports the latest report of every live instance of the service in the scope
 * @param firstSeen since when each value has been seen in the scope; a value missing here counts
 *     from the oldest {@code firstReadAt} in the reports
 */
public record ScopeSnapshot(Scope scope, List<Report> reports, Map<ValueKey, Instant> firstSeen) {
  public ScopeSnapshot {
    reports = List.copyOf(reports);
    firstSeen = Map.copyOf(firstSeen);
  }

  public static ScopeSnapshot of(Scope scope, List<Report> reports) {
    return new ScopeSnapshot(scope, reports, Map.of());
  }
}
