package io.configdrift.collector.storage;

import io.configdrift.collector.storage.InstanceRows.StoredInstance;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ingest, inside one transaction. Locks the instance row first and the timeline values after
 * in {@link ObservedValue#LOCK_ORDER}; every ingest locks in that order, so concurrent ingests
 * (also from other collectors) wait for each other but never deadlock.
 *
 * <p>A report older than the stored one (an earlier run of the JVM, or a lower sequence in the same
 * run) is ignored. One with the same content, run and versions as the stored one, whatever its
 * sequence (an agent re-sending a report it got no answer for, say), only moves the instance's
 * sequence and last sighting.
 */
final class ReportIngester {
  private static final IngestResult IGNORED = new IngestResult(false, false);
  private static final IngestResult UNCHANGED = new IngestResult(true, false);

  private final InstanceRows instances;
  private final TimelineWriter timeline;

  ReportIngester(SqlDialect dialect) {
    instances = new InstanceRows(dialect);
    timeline = new TimelineWriter(dialect);
  }

  /**
   * The steady state of a fleet first: when the stored instance already holds the report's content,
   * run and versions, one statement (which takes the row lock itself) records the new sighting.
   */
  IngestResult ingest(Connection connection, PreparedReport report) throws SQLException {
    return instances.touchIfUnchanged(connection, report) ? UNCHANGED : ingestChanged(connection, report);
  }

  /** {@link #ingest} of each report in turn. */
  List<IngestResult> ingestAll(Connection connection, List<PreparedReport> reports) throws SQLException {
    List<IngestResult> results = new ArrayList<>(reports.size());
    for (PreparedReport report : reports) {
      results.add(ingest(connection, report));
    }
    return results;
  }

  /**
   * The steady-state half of {@link #ingest} for all the reports in one round trip to the database:
   * {@code UNCHANGED} for each report that took it, null for each that needs {@link #ingestChanged}.
   */
  List<IngestResult> ingestAllIfUnchanged(Connection connection, List<PreparedReport> reports) throws SQLException {
    boolean[] touched = instances.touchAllIfUnchanged(connection, reports);
    List<IngestResult> results = new ArrayList<>(reports.size());
    for (boolean unchanged : touched) {
      results.add(unchanged ? UNCHANGED : null);
    }
    return results;
  }

  /** Everything else: a new instance, a changed report, a new run, or an older report to ignore. */
  IngestResult ingestChanged(Connection connection, PreparedReport report) throws SQLException {
    Optional<StoredInstance> stored = instances.lock(connection, report.identity());
    if (stored.isEmpty()) {
      Optional<Long> insertedId = instances.insert(connection, report);
      if (insertedId.isPresent()) {
        timeline.recordChange(connection, insertedId.get(), report.receivedAt(), report);
        return new IngestResult(true, true);
      }
      stored = instances.lock(connection, report.identity());
    }
    StoredInstance instance = stored.orElseThrow(
        () -> new IllegalStateException("an instance row vanished while a report was stored"));
    if (instance.isNewerThan(report)) {
      return IGNORED;
    }
    // The cheap path: same content as stored means the same open sightings, whose last_seen is the
    // instance's own, so one small row update records that everything was seen again.
    boolean changed = !instance.holdsSameContentAs(report);
    if (changed) {
      timeline.recordChange(connection, instance.id(), instance.lastSeen(), report);
    }
    if (!instance.stamp().equals(report.stamp())) {
      instances.update(connection, instance.id(), report);
    } else {
      // Reached only when another collector stored the same content in between (PostgreSQL); the
      // row is locked and the condition holds.
      instances.touchIfUnchanged(connection, report);
    }
    return new IngestResult(true, changed);
  }
}
