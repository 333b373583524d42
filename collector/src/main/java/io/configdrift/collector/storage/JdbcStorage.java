package io.configdrift.collector.storage;

import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.protocol.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link Storage} on SQLite or PostgreSQL; {@link SqlDialect} holds what differs. Open it with
 * {@link StorageFactory#open(String)}.
 *
 * <p>Stores each instance with its latest report, and per environment, region and key the timeline
 * of its values, built from per-instance sightings so that instance counts are exact. Times are
 * kept to the millisecond.
 */
public final class JdbcStorage implements Storage {
  private final Database database;
  private final Transactions transactions;
  private final GroupCommitIngest batched;
  private final ReportIngester ingester;
  private final StoredReports storedReports = new StoredReports(new ParsedReports(ParsedReports.defaultMaxEntries()));
  private final InstanceQueries instances = new InstanceQueries(storedReports);
  private final FleetSnapshots fleet = new FleetSnapshots(storedReports);
  private final TimelineQueries timeline = new TimelineQueries();
  private final AlertMarks alerts = new AlertMarks();

  JdbcStorage(Database database) {
    this.database = database;
    this.transactions = new Transactions(database);
    this.ingester = new ReportIngester(database.dialect());
    // SQLite's single writer does all of every ingest. PostgreSQL writes side by side, so its
    // writer thread only batches the steady state (unchanged reports); a changed report takes its
    // own transaction on the caller's thread.
    this.batched = new GroupCommitIngest(transactions, database.dialect() == SqlDialect.SQLITE
        ? ingester::ingestAll : ingester::ingestAllIfUnchanged);
  }

  @Override
  public IngestResult ingest(Report report, Instant receivedAt) {
    PreparedReport prepared = PreparedReport.of(report, receivedAt);
    IngestResult result = batched.write(prepared);
    // Not unchanged when the batch looked; ingestChanged still finds out if a concurrent report has
    // made it so since.
    return result != null ? result
        : transactions.write("store a report", connection -> ingester.ingestChanged(connection, prepared));
  }

  @Override
  public List<ServiceSummary> services() {
    return transactions.read("list services", instances::services);
  }

  @Override
  public List<InstanceRecord> instances(String service) {
    return transactions.read("list instances", connection -> instances.instances(connection, service));
  }

  @Override
  public List<Scope> scopes(String service, Instant liveSince) {
    return transactions.read("list scopes", connection -> instances.scopes(connection, service, liveSince));
  }

  @Override
  public ScopeSnapshot snapshot(String service, Scope scope, Instant liveSince) {
    // One connection for both queries; a report landing between them only adds a value the
    // snapshot's reports do not show yet, which the engine tolerates.
    return transactions.read("read a snapshot", connection -> new ScopeSnapshot(scope,
        instances.latestReports(connection, service, scope, liveSince),
        timeline.firstSeen(connection, service, scope)));
  }

  @Override
  public Map<String, List<ScopeSnapshot>> liveSnapshots(Instant liveSince) {
    return transactions.read("read every service's snapshots", connection -> fleet.read(connection, liveSince));
  }

  @Override
  public List<TimelineEntry> history(String service, String source, String key) {
    return transactions.read("read a key's history", connection -> timeline.history(connection, service, source, key));
  }

  @Override
  public boolean markAlerted(String findingIdentity, Instant at) {
    return transactions.write("record an alert", connection -> alerts.markAlerted(connection, findingIdentity, at));
  }

  @Override
  public void close() {
    batched.close();
    database.close();
  }
}
