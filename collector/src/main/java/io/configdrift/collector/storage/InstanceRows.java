package io.configdrift.collector.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The writes of an ingest to the {@code instance} table. */
final class InstanceRows {
  /** What an ingest needs to know of the stored instance. */
  record StoredInstance(long id, long sequence, long lastSeen, ParsedReports.Stamp stamp) {
    /** Whether {@code report} is older than this one: from an earlier run, or earlier in the same run. */
    boolean isNewerThan(PreparedReport report) {
      long startedAt = stamp.startedAt();
      return report.startedAt() < startedAt || report.startedAt() == startedAt && report.sequence() < sequence;
    }

    /** Whether {@code report} says about configuration what this one says. */
    boolean holdsSameContentAs(PreparedReport report) {
      return stamp.contentHash().equals(report.contentHash());
    }
  }

  private final String selectForUpdate;
  private final String update;
  private final String touchIfUnchanged;

  InstanceRows(SqlDialect dialect) {
    selectForUpdate = "SELECT id, sequence, last_seen, " + StoredReports.STAMP_COLUMNS + " FROM instance"
        + " WHERE service = ? AND environment = ? AND region = ? AND instance = ?" + dialect.forUpdate();
    update = "UPDATE instance SET service_version = ?, agent_version = ?, started_at = ?, sequence = ?, content_hash = ?,"
        + " latest_report = ?, last_seen = " + dialect.greatest("last_seen", "?") + " WHERE id = ?";
    touchIfUnchanged = "UPDATE instance SET sequence = ?, last_seen = " + dialect.greatest("last_seen", "?")
        + " WHERE service = ? AND environment = ? AND region = ? AND instance = ?"
        + " AND content_hash = ? AND started_at = ? AND sequence <= ?"
        + " AND service_version IS NOT DISTINCT FROM ? AND agent_version IS NOT DISTINCT FROM ?";
  }

  /** The stored instance, locked until the transaction ends so its ingests happen one at a time. */
  Optional<StoredInstance> lock(Connection connection, InstanceIdentity identity) throws SQLException {
    return Sql.first(connection, selectForUpdate,
        row -> new StoredInstance(row.getLong(1), row.getLong(2), row.getLong(3), StoredReports.stamp(row, 4)),
        identity.parameters());
  }

  /**
   * Inserts a first-seen instance; empty when another transaction inserted it first (PostgreSQL
   * waits for that one to commit and then does nothing, so {@link #lock} finds its row).
   */
  Optional<Long> insert(Connection connection, PreparedReport report) throws SQLException {
    InstanceIdentity identity = report.identity();
    return Sql.first(connection,
        "INSERT INTO instance (service, environment, region, instance, service_version, agent_version,"
            + " first_seen, last_seen, started_at, sequence, content_hash, latest_report)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (service, environment, region, instance) DO NOTHING RETURNING id",
        row -> row.getLong(1),
        identity.service(), identity.environment(), identity.region(), identity.instance(),
        report.serviceVersion(), report.agentVersion(), report.receivedAt(), report.receivedAt(),
        report.startedAt(), report.sequence(), report.contentHash(), report.blob());
  }

  /**
   * Records that the instance reported again with the configuration already stored, from the same
   * run of its JVM, in one statement that reads no row first: true when the stored instance has the
   * report's content, run and versions and a sequence no higher. The stored report still says
   * everything the collector reads of it (values, sources, versions, first reads), so only the
   * sequence and last sighting change and the blob, whose read counts and last-read times lag
   * behind, is left as it is. This is the steady state of a fleet, and it costs one small row update.
   */
  boolean touchIfUnchanged(Connection connection, PreparedReport report) throws SQLException {
    return Sql.update(connection, touchIfUnchanged, touchParameters(report)) == 1;
  }

  /** {@link #touchIfUnchanged} for each report, sent as one JDBC batch; whether each was touched. */
  boolean[] touchAllIfUnchanged(Connection connection, List<PreparedReport> reports) throws SQLException {
    int[] counts = Sql.batch(connection, touchIfUnchanged, reports.stream().map(InstanceRows::touchParameters).toList());
    boolean[] touched = new boolean[reports.size()];
    for (int i = 0; i < touched.length; i++) {
      touched[i] = counts[i] == 1;
    }
    return touched;
  }

  private static Object[] touchParameters(PreparedReport report) {
    InstanceIdentity identity = report.identity();
    return new Object[] {report.sequence(), report.receivedAt(),
        identity.service(), identity.environment(), identity.region(), identity.instance(),
        report.contentHash(), report.startedAt(), report.sequence(), report.serviceVersion(), report.agentVersion()};
  }

  /** Makes the report the instance's latest: one row written, whatever the report holds. */
  void update(Connection connection, long instanceId, PreparedReport report) throws SQLException {
    Sql.update(connection, update, report.serviceVersion(), report.agentVersion(), report.startedAt(), report.sequence(),
        report.contentHash(), report.blob(), report.receivedAt(), instanceId);
  }
}
