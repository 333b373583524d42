package io.configdrift.collector.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm;
import io.configdrift.agent.it.FileText;
import io.configdrift.testapp.LongRunningServiceProgram;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent (interval=1) reports to a collector that is SIGKILLed and, a few seconds later,
 * started again on the same port and database: the agent's reports arrive again without anyone
 * touching the service, which ran on throughout.
 */
class AgentReportsAgainAfterCollectorRestartIT {
  private static final String SERVICE = "resilient";

  @TempDir Path temp;

  @Test
  void theAgentRetriesUntilTheRestartedCollectorTakesItsReportsAgain() throws Exception {
    int port = CollectorOnFixedPort.freePort();
    String jdbcUrl = "jdbc:sqlite:" + temp.resolve("collector.db");
    Path stdout = temp.resolve("service.out");
    Path stderr = temp.resolve("service.err");
    TrustDatabase database = TrustDatabase.create(TrustDatabase.Kind.SQLITE, temp);
    Process service = null;
    try (CollectorOnFixedPort first = CollectorOnFixedPort.start(temp.resolve("first"), port, jdbcUrl)) {
      service = ChildJvm.on(ChildJvm.currentJavaHome())
          .classPath(Path.of(LongRunningServiceProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
          .env("DB_TIMEOUT", "30s")
          .withAgent("service=" + SERVICE + ",environment=production,instance=pod-1,interval=1,collector=" + first.baseUrl())
          .main(LongRunningServiceProgram.class, "120")
          .start(stdout, stderr);
      long beforeKill = awaitSequence(database, sequence -> sequence >= 2);
      first.kill();
      Thread.sleep(4_000);
      assertThat(service.isAlive()).as("the service runs on while its collector is down").isTrue();

      try (CollectorOnFixedPort restarted = CollectorOnFixedPort.start(temp.resolve("second"), port, jdbcUrl)) {
        long afterRestart = awaitSequence(database, sequence -> sequence > beforeKill + 3);
        System.out.println("stored sequence " + beforeKill + " before the kill, " + afterRestart + " after the restart");
        // The collector stores a report before the agent reads its answer and says so: wait for the line.
        String agentOutput = FileText.awaitContaining(stderr, "reports reach " + restarted.baseUrl() + "/v1/reports again");
        assertThat(agentOutput).contains("cannot deliver reports to " + restarted.baseUrl() + "/v1/reports");
        assertThat(service.isAlive()).isTrue();
      }
    } finally {
      if (service != null) {
        service.destroy();
        service.waitFor(30, TimeUnit.SECONDS);
        service.destroyForcibly();
      }
      database.close();
    }
  }

  /** Polls the database until the instance's stored sequence satisfies {@code done} (at most 60 s); returns it. */
  private static long awaitSequence(TrustDatabase database, LongPredicate done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long sequence = 0;
    while (System.nanoTime() < deadline) {
      sequence = database.storedSequences(SERVICE).getOrDefault("pod-1", 0L);
      if (done.test(sequence)) {
        return sequence;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the stored sequence stayed at " + sequence);
  }
}
