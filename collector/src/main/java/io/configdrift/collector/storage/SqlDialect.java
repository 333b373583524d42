package io.configdrift.collector.storage;

/**
 * The little that differs between the SQL of the supported databases. Everything else, including
 * {@code INSERT ... ON CONFLICT}, is written once in the shared SQL.
 */
enum SqlDialect {
  SQLITE("jdbc:sqlite:", "classpath:db/migration/sqlite", "", "MIN", "MAX"),
  // A single writer makes row locks pointless in SQLite; PostgreSQL needs them between collectors.
  POSTGRESQL("jdbc:postgresql:", "classpath:db/migration/postgresql", " FOR UPDATE", "LEAST", "GREATEST");

  private final String urlPrefix;
  private final String migrations;
  private final String forUpdate;
  private final String least;
  private final String greatest;

  SqlDialect(String urlPrefix, String migrations, String forUpdate, String least, String greatest) {
    this.urlPrefix = urlPrefix;
    this.migrations = migrations;
    this.forUpdate = forUpdate;
    this.least = least;
    this.greatest = greatest;
  }

  /** The dialect of a JDBC URL; IllegalArgumentException for databases configdrift does not support. */
  static SqlDialect of(String jdbcUrl) {
    for (SqlDialect dialect : values()) {
      if (jdbcUrl.startsWith(dialect.urlPrefix)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException("unsupported database URL " + scheme(jdbcUrl)
        + ": use jdbc:sqlite:<file> or jdbc:postgresql://<host>:<port>/<database>");
  }

  /** Flyway location of this database's migrations. */
  String migrations() {
    return migrations;
  }

  /** Appended to a SELECT to lock the rows it returns until the transaction ends. */
  String forUpdate() {
    return forUpdate;
  }

  /** SQL for the smaller of two expressions. */
  String least(String a, String b) {
    return least + "(" + a + ", " + b + ")";
  }

  /** SQL for the larger of two expressions. */
  String greatest(String a, String b) {
    return greatest + "(" + a + ", " + b + ")";
  }

  /** The URL up to its second colon: enough to say what it is without echoing a password in it. */
  private static String scheme(String jdbcUrl) {
    int first = jdbcUrl.indexOf(':');
    int second = first < 0 ? -1 : jdbcUrl.indexOf(':', first + 1);
    return "'" + (second < 0 ? jdbcUrl : jdbcUrl.substring(0, second)) + ":...'";
  }
}
