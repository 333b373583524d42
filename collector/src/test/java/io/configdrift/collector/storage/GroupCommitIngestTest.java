package io.configdrift.collector.storage;

import static io.configdrift.collector.storage.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configdrift.collector.engine.Scope;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer thread on a real SQLite file: reports that queue while a batch is written go into
 * the next batch together, and when one of them fails, the batch is rolled back and the others are
 * still stored, each in a transaction of its own.
 */
class GroupCommitIngestTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final int QUEUED = 12;

  @TempDir
  Path folder;

  @Test
  void oneFailingReportCostsTheRestOfItsBatchNothing() throws Exception {
    Database database = Database.open("jdbc:sqlite:" + folder.resolve("c.db"), SqlDialect.SQLITE);
    Migrations.migrate(database);
    ReportIngester ingester = new ReportIngester(SqlDialect.SQLITE);
    CountDownLatch firstBatchStarted = new CountDownLatch(1);
    CountDownLatch allQueued = new CountDownLatch(1);
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    GroupCommitIngest writer = new GroupCommitIngest(new Transactions(database), (connection, reports) -> {
      batchSizes.add(reports.size());
      firstBatchStarted.countDown();
      await(allQueued);
      for (PreparedReport report : reports) {
        if (report.identity().instance().equals("poison")) {
          throw new SQLException("refused for the test");
        }
      }
      return ingester.ingestAll(connection, reports);
    });
    ExecutorService callers = Executors.newFixedThreadPool(QUEUED + 1);
    try {
      Future<IngestResult> first = callers.submit(() -> writer.write(prepared("first")));
      assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<IngestResult>> queued = new ArrayList<>();
      for (int i = 0; i < QUEUED - 1; i++) {
        String instance = "pod-" + i;
        queued.add(callers.submit(() -> writer.write(prepared(instance))));
      }
      Future<IngestResult> poison = callers.submit(() -> writer.write(prepared("poison")));
      waitUntilQueued(writer, QUEUED);
      allQueued.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new IngestResult(true, true));
      for (Future<IngestResult> result : queued) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new IngestResult(true, true));
      }
      assertThatThrownBy(() -> poison.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("refused for the test");
      // One batch of one, one of all that queued meanwhile (rolled back), then each on its own.
      assertThat(batchSizes.subList(0, 2)).containsExactly(1, QUEUED);
      assertThat(batchSizes).hasSize(2 + QUEUED);
    } finally {
      callers.shutdownNow();
      writer.close();
    }
    try (Storage storage = new JdbcStorage(database)) {
      assertThat(storage.snapshot("checkout", Scope.parse("production"), NOW).reports())
          .extracting(report -> report.instance).hasSize(QUEUED).doesNotContain("poison");
    }
  }

  private static PreparedReport prepared(String instance) {
    return PreparedReport.of(report("checkout", "production", "eu-west-1", instance).read("TIMEOUT", "5s").build(), NOW);
  }

  private static void waitUntilQueued(GroupCommitIngest writer, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writer.queued() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(writer.queued()).isEqualTo(count);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
