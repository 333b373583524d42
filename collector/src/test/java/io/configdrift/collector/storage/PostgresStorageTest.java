package io.configdrift.collector.storage;

import org.junit.jupiter.api.BeforeAll;

/** The storage contract on PostgreSQL, each test in a schema of its own. */
class PostgresStorageTest extends StorageContractTest {
  private String schema;

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.requireReachable();
  }

  @Override
  protected String createDatabase() throws Exception {
    schema = PostgresTestDatabase.createSchema();
    return PostgresTestDatabase.urlFor(schema);
  }

  @Override
  protected void dropDatabase() throws Exception {
    PostgresTestDatabase.dropSchema(schema);
  }
}
