package io.configdrift.collector.storage;

import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.collector.engine.ValueKey;
import io.configdrift.protocol.Report;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live snapshots of every service in three queries, for the overview of a whole fleet: what
 * {@link InstanceQueries#scopes} and {@link JdbcStorage#snapshot} give one service at a time, with
 * the same scopes, reports and first sightings.
 */
final class FleetSnapshots {
  private final StoredReports storedReports;

  FleetSnapshots(StoredReports storedReports) {
    this.storedReports = storedReports;
  }

  Map<String, List<ScopeSnapshot>> read(Connection connection, Instant liveSince) throws SQLException {
    List<LiveInstance> live = Sql.list(connection,
        "SELECT " + LiveInstance.COLUMNS + " FROM instance WHERE last_seen >= ?", LiveInstance::of,
        Columns.millis(liveSince));
    Map<Long, Report> reports = storedReports.load(connection, live.stream().map(LiveInstance::ref).toList());
    Map<String, List<FirstSighting>> sightings = firstSightings(connection);

    Map<String, List<LiveInstance>> byService = new TreeMap<>();
    for (LiveInstance instance : live) {
      byService.computeIfAbsent(instance.service(), service -> new ArrayList<>()).add(instance);
    }
    Map<String, List<ScopeSnapshot>> snapshots = new TreeMap<>();
    for (Map.Entry<String, List<LiveInstance>> service : byService.entrySet()) {
      List<FirstSighting> serviceSightings = sightings.getOrDefault(service.getKey(), List.of());
      List<ScopeSnapshot> scopes = new ArrayList<>();
      for (Scope scope : scopesOf(service.getValue())) {
        List<Report> scopeReports = service.getValue().stream()
            .filter(instance -> instance.isIn(scope))
            .sorted(LiveInstance.ORDER)
            .map(instance -> reports.get(instance.id()))
            .toList();
        scopes.add(new ScopeSnapshot(scope, scopeReports, firstSeen(serviceSightings, scope)));
      }
      snapshots.put(service.getKey(), scopes);
    }
    return snapshots;
  }

  private static TreeSet<Scope> scopesOf(List<LiveInstance> instances) {
    TreeSet<Scope> scopes = new TreeSet<>();
    for (LiveInstance instance : instances) {
      scopes.add(instance.scope());
    }
    return scopes;
  }

  /** Each value's first sighting per environment and region, by service. */
  private static Map<String, List<FirstSighting>> firstSightings(Connection connection) throws SQLException {
    Map<String, List<FirstSighting>> byService = new HashMap<>();
    for (FirstSighting sighting : Sql.list(connection,
        // One row per value and region already (the table's identity constraint).
        "SELECT service, environment, region, source, config_key, fingerprint, first_seen FROM timeline_value",
        row -> new FirstSighting(row.getString(1), row.getString(2), Columns.regionOrNull(row.getString(3)),
            new ValueKey(row.getString(4), row.getString(5), Columns.fingerprintOrNull(row.getString(6))),
            Columns.instant(row.getLong(7))))) {
      byService.computeIfAbsent(sighting.service(), service -> new ArrayList<>()).add(sighting);
    }
    return byService;
  }

  /** Since when each value has been seen in the scope: the earliest over the scope's regions. */
  private static Map<ValueKey, Instant> firstSeen(List<FirstSighting> sightings, Scope scope) {
    Map<ValueKey, Instant> firstSeen = new HashMap<>();
    for (FirstSighting sighting : sightings) {
      if (scope.contains(sighting.environment(), sighting.region())) {
        firstSeen.merge(sighting.value(), sighting.at(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return firstSeen;
  }

  private record FirstSighting(String service, String environment, String region, ValueKey value, Instant at) {}
}
