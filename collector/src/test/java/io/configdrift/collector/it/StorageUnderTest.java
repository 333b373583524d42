package io.configdrift.collector.it;

import io.configdrift.collector.storage.PostgresTestDatabase;
import java.nio.file.Path;

/** The database a collector process under test uses: an SQLite file, or a fresh PostgreSQL schema. */
final class StorageUnderTest implements AutoCloseable {
  private final String jdbcUrl;
  private final String schema;

  private StorageUnderTest(String jdbcUrl, String schema) {
    this.jdbcUrl = jdbcUrl;
    this.schema = schema;
  }

  static StorageUnderTest create(String kind, Path directory) throws Exception {
    if ("sqlite".equals(kind)) {
      return new StorageUnderTest("jdbc:sqlite:" + directory.resolve("collector.db"), null);
    }
    PostgresTestDatabase.requireReachable();
    String schema = PostgresTestDatabase.createSchema();
    return new StorageUnderTest(PostgresTestDatabase.urlFor(schema), schema);
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  @Override
  public void close() throws Exception {
    if (schema != null) {
      PostgresTestDatabase.dropSchema(schema);
    }
  }
}
