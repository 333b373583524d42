package io.configdrift.collector.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import io.configdrift.collector.trust.TrustDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 20 agents send reports concurrently over HTTP to a real collector process, which is SIGKILLed in
 * the middle of it. Restarted on the same SQLite file (PostgreSQL schema), it has every report it
 * acknowledged with a 2xx before the kill (per instance, the stored sequence is at least the highest
 * acknowledged and at most the highest sent), the database is consistent, and it ingests again.
 */
class CrashLosesNothingIT {
  private static final int AGENTS = 20;
  private static final long ACKNOWLEDGED_BEFORE_KILL = 1_000;
  private static final String SERVICE = "crash";

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void everyAcknowledgedReportSurvivesASigkillMidIngest(Kind kind) throws Exception {
    try (TrustDatabase database = TrustDatabase.create(kind, temp)) {
      List<SyntheticAgent> agents = new ArrayList<>();
      for (int a = 0; a < AGENTS; a++) {
        agents.add(new SyntheticAgent(SERVICE, "production", "pod-" + a, 50));
      }
      AtomicLong acknowledged = new AtomicLong();
      AtomicLong refusedBeforeKill = new AtomicLong();
      try (CollectorProcess first = CollectorProcess.start(temp.resolve("first"), database.jdbcUrl(), "--agent-interval", "3600")) {
        List<Thread> senders = new ArrayList<>();
        for (SyntheticAgent agent : agents) {
          Thread sender = new Thread(() -> sendUntilRefused(agent, first.baseUrl(), acknowledged, refusedBeforeKill));
          senders.add(sender);
          sender.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        first.kill();
        for (Thread sender : senders) {
          sender.join(60_000);
        }
      }
      assertThat(refusedBeforeKill.get()).as("answers other than 202 before the kill").isZero();
      assertThat(acknowledged.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

      try (CollectorProcess restarted = CollectorProcess.start(temp.resolve("second"), database.jdbcUrl(), "--agent-interval", "3600")) {
        Map<String, Long> stored = database.storedSequences(SERVICE);
        long storedBeyondAcknowledged = 0;
        long sentNotAcknowledged = 0;
        for (SyntheticAgent agent : agents) {
          assertThat(stored.get(agent.instance())).as("stored sequence of %s", agent.instance())
              .isBetween(agent.acknowledgedSequence(), agent.sentSequence());
          storedBeyondAcknowledged += stored.get(agent.instance()) - agent.acknowledgedSequence();
          sentNotAcknowledged += agent.sentSequence() - agent.acknowledgedSequence();
        }
        int instances = database.assertConsistent();
        assertThat(instances).isEqualTo(AGENTS);
        for (SyntheticAgent agent : agents) {
          assertThat(agent.sendNext(restarted.baseUrl(), null)).as("ingest after the restart").isEqualTo(202);
        }
        assertThat(Http.get(restarted.baseUrl() + "/v1/services/" + SERVICE + "/matrix", null).status()).isEqualTo(200);
        Figures.record("crash-" + kind.name().toLowerCase(), String.format(
            "%d agents, SIGKILL after %d acknowledged reports: all %d acknowledged stored; %d requests in flight at the kill,"
                + " %d of them committed without an answer; %s consistent after restart",
            AGENTS, ACKNOWLEDGED_BEFORE_KILL, acknowledged.get(), sentNotAcknowledged, storedBeyondAcknowledged,
            kind == Kind.SQLITE ? "integrity_check ok, foreign keys ok, sightings" : "sightings"));
      }
    }
  }

  /** Sends reports until the collector stops answering (it was killed). */
  private static void sendUntilRefused(SyntheticAgent agent, String url, AtomicLong acknowledged, AtomicLong refused) {
    while (true) {
      try {
        if (agent.sendNext(url, null) == 202) {
          acknowledged.incrementAndGet();
        } else {
          refused.incrementAndGet();
        }
      } catch (Exception collectorGone) {
        return;
      }
    }
  }
}
