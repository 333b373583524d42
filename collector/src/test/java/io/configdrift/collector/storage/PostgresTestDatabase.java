package io.configdrift.collector.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests run against, and a fresh schema in it per test, so that test classes
 * and builds running in parallel never see each other's tables.
 */
public final class PostgresTestDatabase {
  /** Overridable for machines whose PostgreSQL lives elsewhere. */
  public static final String URL = System.getenv().getOrDefault("CONFIGDRIFT_TEST_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private PostgresTestDatabase() {}

  /** Skips the calling tests when PostgreSQL is not there, except in CI, where it must be. */
  public static void requireReachable() {
    try (Connection connection = DriverManager.getConnection(withParameter(URL, "connectTimeout=5"))) {
      connection.isValid(5);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message + "; CI=true, so the PostgreSQL tests must run");
      }
      Assumptions.abort(message + "; skipping the PostgreSQL tests (they fail instead when CI=true)");
    }
  }

  /** Creates an empty schema; returns its name. */
  public static String createSchema() throws SQLException {
    // A generated name of letters, digits and underscores: safe to put into DDL, which takes no parameters.
    String schema = "configdrift_test_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  public static String urlFor(String schema) {
    return withParameter(URL, "currentSchema=" + schema);
  }

  private static String withParameter(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }

  public static void dropSchema(String schema) throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String ddl) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    }
  }
}
