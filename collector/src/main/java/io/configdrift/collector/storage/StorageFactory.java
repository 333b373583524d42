package io.configdrift.collector.storage;

/** Opens the storage a JDBC URL names, with its schema migrated. */
public final class StorageFactory {
  /** Where reports go when no database is configured: a SQLite file in the working directory. */
  public static final String DEFAULT_URL = "jdbc:sqlite:configdrift.db";

  private StorageFactory() {}

  /**
   * Opens {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}; null or blank means
   * {@link #DEFAULT_URL}.
   *
   * @throws IllegalArgumentException for any other URL
   * @throws StorageException when the database cannot be reached or migrated
   */
  public static Storage open(String jdbcUrl) {
    String url = resolve(jdbcUrl);
    SqlDialect dialect = SqlDialect.of(url);
    Database database = connect(url, dialect);
    try {
      Migrations.migrate(database);
      return new JdbcStorage(database);
    } catch (RuntimeException e) {
      database.close();
      throw new StorageException("could not migrate the " + dialect + " database: " + e.getMessage(), e);
    }
  }

  static String resolve(String jdbcUrl) {
    return jdbcUrl == null || jdbcUrl.isBlank() ? DEFAULT_URL : jdbcUrl.trim();
  }

  private static Database connect(String url, SqlDialect dialect) {
    try {
      return Database.open(url, dialect);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // The message says what failed; the URL is left out because it may hold a password.
      throw new StorageException("could not connect to the " + dialect + " database: " + e.getMessage(), e);
    }
  }
}
