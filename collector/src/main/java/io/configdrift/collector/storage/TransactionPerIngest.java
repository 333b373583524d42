package io.configdrift.collector.storage;

/**
 * One transaction per report, run on the caller's thread. PostgreSQL runs them side by side on
 * the pool's connections, and row locks (see {@link ReportIngester}) order those that touch the
 * same rows, also across collectors.
 */
final class TransactionPerIngest implements IngestWriter {
  private final Transactions transactions;
  private final ReportIngester ingester;

  TransactionPerIngest(Transactions transactions, ReportIngester ingester) {
    this.transactions = transactions;
    this.ingester = ingester;
  }

  @Override
  public IngestResult write(PreparedReport report) {
    return transactions.write("store a report", connection -> ingester.ingest(connection, report));
  }

  @Override
  public void close() {}
}
