package io.configdrift.collector.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs parameterised statements; data only ever reaches the database as parameters. */
final class Sql {
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Sql() {}

  static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rows.next()) {
          out.add(mapper.map(rows));
        }
        return out;
      }
    }
  }

  static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
      }
    }
  }

  /** Executes an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    }
  }

  /** Executes one statement once per parameter row, as a JDBC batch; returns each row's update count. */
  static int[] batch(Connection connection, String sql, List<Object[]> parameterRows) throws SQLException {
    if (parameterRows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : parameterRows) {
        bind(statement, parameters);
        statement.addBatch();
      }
      return statement.executeBatch();
    }
  }

  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object parameter = parameters[i];
      int index = i + 1;
      if (parameter == null) {
        // Only text columns are nullable here; a typed null keeps PostgreSQL from guessing.
        statement.setNull(index, Types.VARCHAR);
      } else if (parameter instanceof String text) {
        statement.setString(index, text);
      } else if (parameter instanceof Long number) {
        statement.setLong(index, number);
      } else if (parameter instanceof byte[] bytes) {
        statement.setBytes(index, bytes);
      } else {
        throw new IllegalArgumentException("unsupported SQL parameter type " + parameter.getClass().getName());
      }
    }
  }
}
