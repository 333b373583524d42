package io.configdrift.collector.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.storage.Storage;
import io.configdrift.collector.storage.StorageFactory;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet overview keeps its counts of findings while the service's snapshots stay, yet shows
 * every report's new last sighting, and counts again after a change. On real SQLite.
 */
class ServiceOverviewCacheTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path folder;
  private final MovableClock clock = new MovableClock(T0);
  private Storage storage;
  private DriftQueries queries;

  @BeforeEach
  void open() {
    storage = StorageFactory.open("jdbc:sqlite:" + folder.resolve("configdrift.db"));
    queries = new DriftQueries(storage, DriftEngine.withoutFingerprintKey(), Policy.empty(), Duration.ofMinutes(3), clock);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void lastSightingMovesWithEveryReportAndFindingsWithEveryChange() {
    ingest(report("staging", "s-1", 1, "10"));
    ingest(report("production", "p-1", 1, "10"));
    assertThat(overview().findings()).isZero();

    clock.advance(Duration.ofSeconds(5));
    ingest(report("production", "p-1", 2, "10"));
    ServiceOverview unchanged = overview();
    assertThat(unchanged.lastSeen()).isEqualTo(clock.instant());
    assertThat(unchanged.findings()).isZero();

    clock.advance(Duration.ofSeconds(5));
    ingest(report("production", "p-1", 3, "60"));
    ServiceOverview changed = overview();
    assertThat(changed.lastSeen()).isEqualTo(clock.instant());
    assertThat(changed.findingsByKind()).containsEntry("different", 1);
  }

  private void ingest(Report report) {
    if (storage.ingest(report, clock.instant()).changed()) {
      queries.changed(report.service);
    }
  }

  private ServiceOverview overview() {
    return queries.services().get(0);
  }

  private static Report report(String environment, String instance, long sequence, String timeout) {
    Report report = new Report();
    report.service = "checkout";
    report.environment = environment;
    report.instance = instance;
    report.agentVersion = "0.1.0";
    report.startedAt = T0.toString();
    report.generatedAt = T0.toString();
    report.sequence = sequence;
    ReadRecord read = new ReadRecord();
    read.source = "env";
    read.key = "DB_TIMEOUT";
    read.present = true;
    read.value = timeout;
    read.fingerprint = Fingerprinter.unkeyed().fingerprint(timeout);
    read.count = 1;
    report.reads.add(read);
    return report;
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
