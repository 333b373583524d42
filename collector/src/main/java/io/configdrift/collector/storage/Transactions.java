package io.configdrift.collector.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work on a pooled connection: writes in one transaction each, reads in auto-commit. */
final class Transactions {
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource writer;
  private final DataSource reader;

  Transactions(Database database) {
    this.writer = database.writer();
    this.reader = database.reader();
  }

  /** Runs {@code work} in one transaction that is committed, and so durable, before this returns. */
  <T> T write(String what, Work<T> work) {
    try (Connection connection = writer.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  <T> T read(String what, Work<T> work) {
    try (Connection connection = reader.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StorageException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
