package io.configdrift.collector.storage;

import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.protocol.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the collector keeps what agents sent. One interface, one JDBC implementation for SQLite and
 * PostgreSQL ({@link JdbcStorage}, opened by {@link StorageFactory}); everything above it (HTTP,
 * CLI, alerts) sees only this.
 *
 * <p>Implementations are safe for concurrent use, and several collector processes may share one
 * PostgreSQL database.
 */
public interface Storage extends AutoCloseable {
  /**
   * Stores a validated report as its instance's latest one and extends the value timelines. A
   * report that says about configuration what the stored one says, from the same run and versions,
   * only advances the instance's sequence and last sighting. A report older than the one stored for
   * the instance (from an earlier run of the JVM, or with a lower sequence in the same run: an agent
   * re-sent an old snapshot) is reported as not stored. Returns once the data is durable.
   */
  IngestResult ingest(Report report, Instant receivedAt);

  /** Every service with at least one stored instance, by name. */
  List<ServiceSummary> services();

  /** Every instance of a service, live or not, by environment, region and name. */
  List<InstanceRecord> instances(String service);

  /** The distinct scopes (environment and region) the service's instances seen since {@code liveSince} run in. */
  List<Scope> scopes(String service, Instant liveSince);

  /**
   * The latest report of every instance of the service in the scope that reported at or after
   * {@code liveSince}, with the first sighting of each of the scope's values.
   */
  ScopeSnapshot snapshot(String service, Scope scope, Instant liveSince);

  /**
   * The snapshot of every scope of every service with instances seen since {@code liveSince}, by
   * service: for each service, {@link #snapshot} of each of its {@link #scopes}, read at once.
   */
  Map<String, List<ScopeSnapshot>> liveSnapshots(Instant liveSince);

  /** The timeline of one key of a service in every environment and region. */
  List<TimelineEntry> history(String service, String source, String key);

  /**
   * Records that an alert for this finding identity was sent; true the first time only, also when
   * several collectors race for it.
   */
  boolean markAlerted(String findingIdentity, Instant at);

  @Override
  void close();
}
