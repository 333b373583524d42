package io.configdrift.collector.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Remembers which findings were alerted; the primary key makes the first insert win, across collectors too. */
final class AlertMarks {
  boolean markAlerted(Connection connection, String findingIdentity, Instant at) throws SQLException {
    return Sql.update(connection,
        "INSERT INTO alert_sent (identity_hash, finding_identity, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        Sha256.of(findingIdentity), findingIdentity, Columns.millis(at)) == 1;
  }
}
