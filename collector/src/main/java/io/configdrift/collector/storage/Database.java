package io.configdrift.collector.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pools of one database: every write goes through {@link #writer()}, queries
 * through {@link #reader()}. For PostgreSQL both are the same pool.
 */
final class Database implements AutoCloseable {
  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;
  private static final int SQLITE_READERS = 4;
  private static final int POSTGRESQL_CONNECTIONS = 10;

  private final SqlDialect dialect;
  private final DataSource writer;
  private final DataSource reader;
  private final List<HikariDataSource> pools;

  private Database(SqlDialect dialect, HikariDataSource writer, HikariDataSource reader) {
    this.dialect = dialect;
    this.writer = writer;
    this.reader = reader;
    this.pools = writer == reader ? List.of(writer) : List.of(writer, reader);
  }

  static Database open(String jdbcUrl, SqlDialect dialect) {
    return switch (dialect) {
      case SQLITE -> sqlite(jdbcUrl);
      case POSTGRESQL -> postgresql(jdbcUrl);
    };
  }

  /**
   * SQLite allows one writer at a time and answers a second one with SQLITE_BUSY, so all writes
   * share a single pooled connection: concurrent ingests queue in the pool instead of failing. The
   * write transactions begin IMMEDIATE, which takes the write lock up front, so that another
   * process on the same file (a second collector, the CLI) makes us wait (busy_timeout) rather than
   * fail half-way. In WAL mode readers never block the writer, hence a separate reader pool.
   */
  private static Database sqlite(String jdbcUrl) {
    if (jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory")) {
      throw new IllegalArgumentException(
          "an in-memory SQLite database would lose every report and cannot be shared by the collector's "
              + "connections: give a file, as in jdbc:sqlite:configdrift.db");
    }
    SQLiteConfig writeConfig = sqliteConfig();
    writeConfig.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    HikariDataSource writer = pool("configdrift-sqlite-writer", sqliteDataSource(jdbcUrl, writeConfig), 1);
    try {
      HikariDataSource reader =
          pool("configdrift-sqlite-reader", sqliteDataSource(jdbcUrl, sqliteConfig()), SQLITE_READERS);
      return new Database(SqlDialect.SQLITE, writer, reader);
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  private static SQLiteConfig sqliteConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // In WAL mode, NORMAL appends each commit to the WAL file before COMMIT returns and fsyncs only
    // at checkpoints. A killed process (even SIGKILL) loses nothing, since the data already sits in
    // the operating system's page cache; only a power cut or OS crash can lose the last commits,
    // never corrupt the file. FULL would fsync every commit and cap ingest at the disk's flush rate.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    return config;
  }

  private static SQLiteDataSource sqliteDataSource(String jdbcUrl, SQLiteConfig config) {
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(jdbcUrl);
    return dataSource;
  }

  private static Database postgresql(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("configdrift-postgresql");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POSTGRESQL_CONNECTIONS);
    HikariDataSource pool = new HikariDataSource(config);
    return new Database(SqlDialect.POSTGRESQL, pool, pool);
  }

  private static HikariDataSource pool(String name, DataSource dataSource, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  SqlDialect dialect() {
    return dialect;
  }

  DataSource writer() {
    return writer;
  }

  DataSource reader() {
    return reader;
  }

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
  }
}
