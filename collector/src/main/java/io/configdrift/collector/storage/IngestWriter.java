package io.configdrift.collector.storage;

/**
 * How a prepared report reaches the database: {@link TransactionPerIngest} where the database
 * runs writers side by side (PostgreSQL), {@link GroupCommitIngest} where it has a single writer
 * (SQLite).
 */
interface IngestWriter extends AutoCloseable {
  /** Stores the report; returns once it is committed. */
  IngestResult write(PreparedReport report);

  @Override
  void close();
}
