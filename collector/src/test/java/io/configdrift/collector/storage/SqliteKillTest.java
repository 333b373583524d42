package io.configdrift.collector.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.protocol.Sources;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a JVM in the middle of ingesting into SQLite: every report it acknowledged must be
 * there afterwards (WAL with synchronous=NORMAL), and the file must open cleanly.
 */
class SqliteKillTest {
  private static final long ACKNOWLEDGED_BEFORE_KILL = 300;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void everyAcknowledgedReportSurvivesAKill(@TempDir Path folder) throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("killed.db");
    Process collector = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        IngestUntilKilled.class.getName(), url)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    long lastAcknowledged = 0;
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(collector.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (lastAcknowledged < ACKNOWLEDGED_BEFORE_KILL && (line = output.readLine()) != null) {
        lastAcknowledged = Long.parseLong(line.substring("acknowledged ".length()));
      }
      collector.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
      assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lastAcknowledged).as("the child JVM acknowledged reports").isEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    try (Storage reopened = StorageFactory.open(url)) {
      long stored = reopened.instances("checkout").get(0).sequence();
      assertThat(stored).isGreaterThanOrEqualTo(lastAcknowledged);
      // An unchanged report only moves the instance's sequence; the stored report is the last one
      // whose content changed.
      long lastChanged = stored - stored % IngestUntilKilled.CHANGE_EVERY;
      assertThat(reopened.snapshot("checkout", StorageContractTest.PRODUCTION, Instant.EPOCH).reports())
          .singleElement().satisfies(report -> assertThat(report.sequence).isEqualTo(lastChanged));
      assertThat(reopened.history("checkout", Sources.ENV, "KEY_0"))
          .hasSizeGreaterThanOrEqualTo((int) (lastAcknowledged / IngestUntilKilled.CHANGE_EVERY))
          .allSatisfy(entry -> assertThat(entry.instances()).isEqualTo(1));
    }
  }
}
