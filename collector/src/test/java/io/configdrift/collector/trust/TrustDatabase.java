package io.configdrift.collector.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.storage.InstanceRecord;
import io.configdrift.collector.storage.PostgresTestDatabase;
import io.configdrift.collector.storage.Storage;
import io.configdrift.collector.storage.StorageFactory;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The database behind a collector under test, an SQLite file or a fresh PostgreSQL schema, and
 * what the tests check in it directly: stored sequences, and that the data is consistent.
 */
final class TrustDatabase implements AutoCloseable {
  enum Kind { SQLITE, POSTGRESQL }

  private final Kind kind;
  private final String jdbcUrl;
  private final String schema;

  private TrustDatabase(Kind kind, String jdbcUrl, String schema) {
    this.kind = kind;
    this.jdbcUrl = jdbcUrl;
    this.schema = schema;
  }

  /** A new empty database; PostgreSQL must be reachable (under CI=true its absence fails the test). */
  static TrustDatabase create(Kind kind, Path folder) throws SQLException {
    if (kind == Kind.SQLITE) {
      return new TrustDatabase(kind, "jdbc:sqlite:" + folder.resolve("collector.db"), null);
    }
    PostgresTestDatabase.requireReachable();
    String schema = PostgresTestDatabase.createSchema();
    return new TrustDatabase(kind, PostgresTestDatabase.urlFor(schema), schema);
  }

  Kind kind() {
    return kind;
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  /** The sequence of each stored instance of the service, by instance name, as the collector's storage reads it. */
  Map<String, Long> storedSequences(String service) {
    Map<String, Long> sequences = new TreeMap<>();
    try (Storage storage = StorageFactory.open(jdbcUrl)) {
      for (InstanceRecord instance : storage.instances(service)) {
        sequences.put(instance.instance(), instance.sequence());
      }
    }
    return sequences;
  }

  /**
   * Fails unless the database is consistent: SQLite's own integrity and foreign key checks pass, and
   * for every instance the stored latest report decodes, is no newer than the instance's sequence, and its
   * reads are exactly the values the instance has open sightings of (what the timeline says it
   * reports now). Returns the number of instances checked.
   */
  int assertConsistent() throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      if (kind == Kind.SQLITE) {
        assertThat(single(connection, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(rows(connection, "PRAGMA foreign_key_check")).as("foreign key violations").isEmpty();
      }
      Map<Long, Set<String>> openSightings = new HashMap<>();
      for (List<String> row : rows(connection, "SELECT s.instance_id, v.source, v.config_key, v.fingerprint"
          + " FROM sighting s JOIN timeline_value v ON v.id = s.value_id WHERE s.last_seen IS NULL")) {
        openSightings.computeIfAbsent(Long.parseLong(row.get(0)), id -> new HashSet<>())
            .add(row.get(1) + ":" + row.get(2) + "=" + row.get(3));
      }
      int instances = 0;
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT id, instance, sequence, latest_report FROM instance")) {
        ReportCodec codec = new ReportCodec();
        while (rows.next()) {
          instances++;
          String name = rows.getString(2);
          Report latest;
          try (InputStream json = new GZIPInputStream(new ByteArrayInputStream(rows.getBytes(4)))) {
            latest = codec.read(json);
          }
          // The stored report is the last one that changed something; later unchanged ones only
          // advance the instance's sequence.
          assertThat(latest.sequence).as("sequence of %s's stored report", name).isBetween(1L, rows.getLong(3));
          Set<String> reported = new HashSet<>();
          for (ReadRecord read : latest.reads) {
            reported.add(read.source + ":" + read.key + "=" + (read.fingerprint == null ? "" : read.fingerprint));
          }
          assertThat(openSightings.getOrDefault(rows.getLong(1), Set.of()))
              .as("open sightings of %s match its latest report", name).isEqualTo(reported);
        }
      }
      return instances;
    }
  }

  private static String single(Connection connection, String sql) throws SQLException {
    List<List<String>> result = rows(connection, sql);
    assertThat(result).hasSize(1);
    return result.get(0).get(0);
  }

  private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
    List<List<String>> result = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(rows.getString(c));
        }
        result.add(row);
      }
    }
    return result;
  }

  @Override
  public void close() throws SQLException {
    if (schema != null) {
      PostgresTestDatabase.dropSchema(schema);
    }
  }
}
