package io.configdrift.collector.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import io.configdrift.collector.trust.TrustDatabase.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 200 simulated agents send reports to a real collector process on loopback, each as fast as its
 * answers come, for {@code -Dtrust.load.seconds} (60 by default), on SQLite and on PostgreSQL. Not
 * one request may fail, and afterwards every instance's stored sequence must be the highest one the
 * collector acknowledged: nothing acknowledged was lost. Throughput and latency are printed and kept
 * in target/trust-figures, never asserted.
 */
class IngestUnderLoadIT {
  private static final int AGENTS = 200;
  private static final int KEYS_PER_REPORT = 100;
  private static final String SERVICE = "load";

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void twoHundredAgentsLoseNothingAndGetNoErrors(Kind kind) throws Exception {
    Duration duration = Duration.ofSeconds(Long.getLong("trust.load.seconds", 60));
    try (TrustDatabase database = TrustDatabase.create(kind, temp);
        CollectorProcess collector = CollectorProcess.start(temp, database.jdbcUrl(), "--agent-interval", "3600")) {
      List<SyntheticAgent> agents = new ArrayList<>();
      for (int a = 0; a < AGENTS; a++) {
        agents.add(new SyntheticAgent(SERVICE, a % 2 == 0 ? "staging" : "production", "agent-" + a, KEYS_PER_REPORT));
      }
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      List<long[]> latenciesByAgent = Collections.synchronizedList(new ArrayList<>());
      AtomicLong requests = new AtomicLong();
      long deadline = System.nanoTime() + duration.toNanos();
      long started = System.nanoTime();
      List<Thread> threads = new ArrayList<>();
      for (SyntheticAgent agent : agents) {
        Thread thread = new Thread(() -> latenciesByAgent.add(sendUntil(deadline, agent, collector.baseUrl(), requests, failures)),
            "load-" + agent.instance());
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(failures).as("failed requests (first ones)").isEmpty();
      Map<String, Long> stored = database.storedSequences(SERVICE);
      assertThat(stored).hasSize(AGENTS);
      for (SyntheticAgent agent : agents) {
        assertThat(stored.get(agent.instance())).as("stored sequence of %s", agent.instance())
            .isEqualTo(agent.acknowledgedSequence());
      }
      assertThat(database.assertConsistent()).isEqualTo(AGENTS);
      assertThat(Http.get(collector.baseUrl() + "/v1/services/" + SERVICE + "/matrix", null).status()).isEqualTo(200);

      long[] latencies = latenciesByAgent.stream().flatMapToLong(Arrays::stream).toArray();
      Figures.record("load-" + kind.name().toLowerCase(), String.format(
          "%d agents, %d keys a report, %.0f s: %d reports, %.0f reports/s, 0 errors, 0 lost; latency %s",
          AGENTS, KEYS_PER_REPORT, seconds, requests.get(), requests.get() / seconds, Figures.percentiles(latencies)));
    }
  }

  /** One agent's loop: send, wait for the answer, send the next, until the deadline. Returns its latencies. */
  private static long[] sendUntil(long deadline, SyntheticAgent agent, String url, AtomicLong requests, List<String> failures) {
    List<Long> latencies = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      long start = System.nanoTime();
      try {
        int status = agent.sendNext(url, null);
        latencies.add(System.nanoTime() - start);
        requests.incrementAndGet();
        if (status != 202 && failures.size() < 10) {
          failures.add(agent.instance() + " #" + agent.sentSequence() + ": HTTP " + status);
        }
      } catch (Exception e) {
        if (failures.size() < 10) {
          failures.add(agent.instance() + " #" + agent.sentSequence() + ": " + e);
        }
      }
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }
}
