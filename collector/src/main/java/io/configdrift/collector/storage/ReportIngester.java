package io.configdrift.collector.storage;

import io.configdrift.collector.storage.InstanceRows.StoredInstance;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One ingest, inside one transaction. Locks the instance row first and the timeline values after
 * in {@link ObservedValue#LOCK_ORDER}; every ingest locks in that order, so concurrent ingests
 * (also from other collectors) wait for each other but never deadlock.
 *
 * <p>A report older than the stored one (an earlier run of the JVM, or a lower sequence in the same
 * run) is ignored; one with the same sequence is stored again, so that an agent re-sending a report it got no answer for changes nothing.
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

  IngestResult ingest(Connection connection, PreparedReport report) throws SQLException {
    // The steady state of a fleet first, in one statement that takes the row lock itself.
    if (instances.touchIfUnchanged(connection, report)) {
      return UNCHANGED;
    }
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
    if (changed || !instance.isSameRunAs(report)) {
      instances.update(connection, instance.id(), report);
    } else {
      instances.touch(connection, instance.id(), report);
    }
    return new IngestResult(true, changed);
  }
}
