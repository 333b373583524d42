package io.configdrift.collector.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The writes of an ingest to the {@code instance} table. */
final class InstanceRows {
  /** What an ingest needs to know of the stored instance. */
  record StoredInstance(long id, long startedAt, long sequence, String contentHash, long lastSeen) {
    /** Whether {@code report} is older than this one: from an earlier run, or earlier in the same run. */
    boolean isNewerThan(PreparedReport report) {
      return report.startedAt() < startedAt || report.startedAt() == startedAt && report.sequence() < sequence;
    }
  }

  private final String selectForUpdate;
  private final String update;

  InstanceRows(SqlDialect dialect) {
    selectForUpdate = "SELECT id, started_at, sequence, content_hash, last_seen FROM instance"
        + " WHERE service = ? AND environment = ? AND region = ? AND instance = ?" + dialect.forUpdate();
    update = "UPDATE instance SET service_version = ?, agent_version = ?, started_at = ?, sequence = ?, content_hash = ?,"
        + " latest_report = ?, last_seen = " + dialect.greatest("last_seen", "?") + " WHERE id = ?";
  }

  /** The stored instance, locked until the transaction ends so its ingests happen one at a time. */
  Optional<StoredInstance> lock(Connection connection, InstanceIdentity identity) throws SQLException {
    return Sql.first(connection, selectForUpdate,
        row -> new StoredInstance(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getLong(5)),
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

  /** Makes the report the instance's latest: one row written, whatever the report holds. */
  void update(Connection connection, long instanceId, PreparedReport report) throws SQLException {
    Sql.update(connection, update, report.serviceVersion(), report.agentVersion(), report.startedAt(), report.sequence(),
        report.contentHash(), report.blob(), report.receivedAt(), instanceId);
  }
}
