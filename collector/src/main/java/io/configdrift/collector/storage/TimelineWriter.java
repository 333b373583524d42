package io.configdrift.collector.storage;

import io.configdrift.collector.storage.ObservedValue.ValueRef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extends the timelines when an instance reports new content: adds values never seen in the scope,
 * opens a sighting for each value the instance now reports and closes those it no longer does.
 */
final class TimelineWriter {
  // DO NOTHING takes no lock on an existing row (an ON CONFLICT DO UPDATE would, even when its WHERE
  // is false), so instances of one scope changing at once do not queue behind each other.
  private static final String INSERT_VALUE = "INSERT INTO timeline_value"
      + " (service, environment, region, source, config_key, key_hash, fingerprint, revealed_value, first_seen)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (service, environment, region, key_hash, fingerprint) DO NOTHING";
  private static final String SELECT_SCOPE_VALUES =
      "SELECT id, key_hash, fingerprint, first_seen, CASE WHEN revealed_value IS NULL THEN 0 ELSE 1 END"
          + " FROM timeline_value WHERE service = ? AND environment = ? AND region = ?";
  private static final String OPEN_SIGHTING =
      "INSERT INTO sighting (instance_id, value_id, first_seen, last_seen, callers) VALUES (?, ?, ?, NULL, ?)"
          + " ON CONFLICT (instance_id, value_id) DO UPDATE SET last_seen = NULL, callers = excluded.callers";
  private static final String CLOSE_SIGHTING =
      "UPDATE sighting SET last_seen = ? WHERE instance_id = ? AND value_id = ?";

  private final String amendValue;

  TimelineWriter(SqlDialect dialect) {
    amendValue = "UPDATE timeline_value SET first_seen = " + dialect.least("first_seen", "?") + ","
        + " revealed_value = COALESCE(revealed_value, ?) WHERE id = ?";
  }

  /**
   * Records the report's values as the instance's current ones.
   *
   * @param previousLastSeen when the instance last reported its previous values; they were last
   *     seen then
   */
  void recordChange(Connection connection, long instanceId, long previousLastSeen, PreparedReport report)
      throws SQLException {
    Map<ValueRef, StoredValue> values = storeValues(connection, report);
    Set<Long> current = new HashSet<>();
    List<Object[]> opened = new ArrayList<>();
    for (ObservedValue value : report.values()) {
      long valueId = values.get(value.ref()).id();
      current.add(valueId);
      opened.add(new Object[] {instanceId, valueId, report.receivedAt(), value.callersJson()});
    }
    List<Object[]> closed = new ArrayList<>();
    for (long valueId : openValueIds(connection, instanceId)) {
      if (!current.contains(valueId)) {
        closed.add(new Object[] {previousLastSeen, instanceId, valueId});
      }
    }
    Sql.batch(connection, CLOSE_SIGHTING, closed);
    Sql.batch(connection, OPEN_SIGHTING, opened);
  }

  /**
   * Inserts values new to the scope and amends those this report knows better: an earlier first
   * sighting (another collector received an older report later) or a revealed value. Rows are
   * written in the report's lock order.
   */
  private Map<ValueRef, StoredValue> storeValues(Connection connection, PreparedReport report) throws SQLException {
    InstanceIdentity scope = report.identity();
    List<Object[]> inserts = new ArrayList<>();
    for (ObservedValue value : report.values()) {
      inserts.add(new Object[] {scope.service(), scope.environment(), scope.region(), value.source(), value.key(),
          value.keyHash(), value.fingerprint(), value.revealedValue(), report.receivedAt()});
    }
    Sql.batch(connection, INSERT_VALUE, inserts);

    Map<ValueRef, StoredValue> stored = new HashMap<>();
    for (StoredValue value : Sql.list(connection, SELECT_SCOPE_VALUES, StoredValue::of,
        scope.service(), scope.environment(), scope.region())) {
      stored.put(value.ref(), value);
    }
    List<Object[]> amendments = new ArrayList<>();
    for (ObservedValue value : report.values()) {
      StoredValue known = stored.get(value.ref());
      if (known.firstSeen() > report.receivedAt() || (!known.revealed() && value.revealedValue() != null)) {
        amendments.add(new Object[] {report.receivedAt(), value.revealedValue(), known.id()});
      }
    }
    Sql.batch(connection, amendValue, amendments);
    return stored;
  }

  private static List<Long> openValueIds(Connection connection, long instanceId) throws SQLException {
    return Sql.list(connection, "SELECT value_id FROM sighting WHERE instance_id = ? AND last_seen IS NULL",
        row -> row.getLong(1), instanceId);
  }

  private record StoredValue(long id, ValueRef ref, long firstSeen, boolean revealed) {
    static StoredValue of(ResultSet row) throws SQLException {
      return new StoredValue(row.getLong(1), new ValueRef(row.getString(2), row.getString(3)), row.getLong(4),
          row.getInt(5) == 1);
    }
  }
}
