package io.configdrift.collector.storage;

import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date at start-up; a no-op when it already is. */
final class Migrations {
  private Migrations() {}

  /**
   * Runs through the writer pool: SQLite must not see a second writer, and on PostgreSQL Flyway's
   * advisory lock lets several collectors start at once while only one migrates.
   */
  static void migrate(Database database) {
    Flyway.configure()
        .dataSource(database.writer())
        .locations(database.dialect().migrations())
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
