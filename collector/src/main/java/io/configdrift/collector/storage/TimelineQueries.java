package io.configdrift.collector.storage;

import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ValueKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the value timelines. */
final class TimelineQueries {
  /** Enough callers to find the code that reads a key, few enough to show. */
  static final int MAX_CALLERS = 5;

  private static final Comparator<TimelineEntry> HISTORY_ORDER = Comparator
      .comparing(TimelineEntry::environment)
      .thenComparing(TimelineEntry::region, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(TimelineEntry::firstSeen)
      .thenComparing(TimelineEntry::fingerprint, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Since when each value has been seen in the scope: the earliest over the scope's regions. */
  Map<ValueKey, Instant> firstSeen(Connection connection, String service, Scope scope) throws SQLException {
    ScopeFilter filter = ScopeFilter.of(service, scope);
    Map<ValueKey, Instant> firstSeen = new HashMap<>();
    for (Map.Entry<ValueKey, Instant> entry : Sql.list(connection,
        "SELECT source, config_key, fingerprint, MIN(first_seen) FROM timeline_value WHERE " + filter.sql()
            + " GROUP BY key_hash, fingerprint, source, config_key",
        row -> Map.entry(new ValueKey(row.getString(1), row.getString(2), Columns.fingerprintOrNull(row.getString(3))),
            Columns.instant(row.getLong(4))),
        filter.parameters())) {
      firstSeen.put(entry.getKey(), entry.getValue());
    }
    return firstSeen;
  }

  /**
   * Every value the key had in every environment and region. An open sighting has been seen until
   * its instance's last report.
   */
  List<TimelineEntry> history(Connection connection, String service, String source, String key) throws SQLException {
    List<SightingRow> sightings = Sql.list(connection,
        "SELECT v.id, v.environment, v.region, v.fingerprint, v.revealed_value, v.first_seen,"
            + " COALESCE(s.last_seen, i.last_seen), s.callers"
            + " FROM timeline_value v"
            + " JOIN sighting s ON s.value_id = v.id"
            + " JOIN instance i ON i.id = s.instance_id"
            + " WHERE v.service = ? AND v.key_hash = ? AND v.source = ? AND v.config_key = ?"
            + " ORDER BY s.first_seen",
        row -> new SightingRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5), row.getLong(6), row.getLong(7), row.getString(8)),
        service, ObservedValue.hashOfKey(source, key), source, key);
    Map<Long, EntryBuilder> entries = new LinkedHashMap<>();
    for (SightingRow sighting : sightings) {
      entries.computeIfAbsent(sighting.valueId(), id -> new EntryBuilder(sighting)).add(sighting);
    }
    return entries.values().stream().map(entry -> entry.build(source, key)).sorted(HISTORY_ORDER).toList();
  }

  private record SightingRow(long valueId, String environment, String region, String fingerprint,
      String revealedValue, long firstSeen, long lastSeen, String callersJson) {}

  /** Folds the sightings of one value into its timeline entry. */
  private static final class EntryBuilder {
    private final SightingRow value;
    private final Set<String> callers = new LinkedHashSet<>();
    private long lastSeen = Long.MIN_VALUE;
    private int instances;

    EntryBuilder(SightingRow value) {
      this.value = value;
    }

    void add(SightingRow sighting) {
      instances++;
      lastSeen = Math.max(lastSeen, sighting.lastSeen());
      for (String caller : ObservedValue.callers(sighting.callersJson())) {
        if (callers.size() < MAX_CALLERS) {
          callers.add(caller);
        }
      }
    }

    TimelineEntry build(String source, String key) {
      return new TimelineEntry(value.environment(), Columns.regionOrNull(value.region()), source, key,
          Columns.fingerprintOrNull(value.fingerprint()), value.revealedValue(), Columns.instant(value.firstSeen()),
          Columns.instant(lastSeen), instances, List.copyOf(callers));
    }
  }
}
