package io.configdrift.collector.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import io.configdrift.collector.trust.HostileReports.Attempt;
import io.configdrift.protocol.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed, truncated, oversized, deeply nested, wrong-typed and hostile reports,
 * mutations of a valid one from a seeded random ({@code -Dtrust.fuzz.seed} replays a run, whose seed
 * is printed), each get a 4xx with a JSON error and none a 5xx; what the API answers about the
 * stored services afterwards is what it answered before.
 */
class HostileReportsRefusedIT {
  private static final int ATTEMPTS = Integer.getInteger("trust.fuzz.attempts", 3_000);
  private static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;
  private static final List<String> SERVICES = List.of("checkout", "payments");

  @TempDir static Path temp;
  private static CollectorProcess collector;

  @BeforeAll
  static void startWithStoredServices() throws Exception {
    collector = CollectorProcess.start(temp, "jdbc:sqlite:" + temp.resolve("fuzz.db"),
        "--agent-interval", "3600", "--max-report-bytes", String.valueOf(MAX_REPORT_BYTES));
    for (String service : SERVICES) {
      for (String environment : List.of("staging", "production")) {
        SyntheticAgent agent = new SyntheticAgent(service, environment, environment + "-1", 20);
        for (int i = 0; i < 12; i++) {
          assertThat(agent.sendNext(collector.baseUrl(), null)).isEqualTo(202);
        }
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    collector.close();
  }

  @Test
  void everyHostileReportGetsA4xxWithAJsonErrorAndChangesNothing() throws Exception {
    long seed = Long.getLong("trust.fuzz.seed", System.nanoTime());
    System.out.println("fuzz seed " + seed + " (replay with -Dtrust.fuzz.seed=" + seed + ")");
    Map<String, String> before = ApiState.capture(collector.baseUrl(), null, SERVICES);
    Report valid = new SyntheticAgent("checkout", "production", "production-1", 3).report(1_000);
    HostileReports hostile = new HostileReports(seed, valid);

    List<Attempt> attempts = new ArrayList<>(hostile.giants(MAX_REPORT_BYTES));
    for (int i = 0; i < ATTEMPTS; i++) {
      attempts.add(hostile.next());
    }
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    List<String> wrongAnswers = new ArrayList<>();
    for (Attempt attempt : attempts) {
      Http.Answer answer = Http.post(collector.baseUrl() + "/v1/reports", attempt.body(), null, attempt.gzip());
      byStatus.merge(String.valueOf(answer.status()), 1, Integer::sum);
      byKind.merge(attempt.kind().replaceAll(":.*| \\d+ deep", ""), 1, Integer::sum);
      if (!isCleanRefusal(answer) && wrongAnswers.size() < 20) {
        wrongAnswers.add(attempt.kind() + " (" + attempt.body().length + " bytes" + (attempt.gzip() ? ", gzip" : "")
            + ") -> " + answer.status() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
      }
    }
    assertThat(wrongAnswers).as("answers that are not a 4xx with a JSON error (seed %d)", seed).isEmpty();
    assertThat(ApiState.capture(collector.baseUrl(), null, SERVICES)).as("the API's answers after the attack")
        .isEqualTo(before);
    assertThat(collector.log()).doesNotContain("unexpected failure");
    Figures.record("fuzz", attempts.size() + " hostile reports (seed " + seed + "): answers " + byStatus
        + ", no 5xx, stored data unchanged; kinds " + byKind);
  }

  private static boolean isCleanRefusal(Http.Answer answer) {
    if (answer.status() < 400 || answer.status() > 499) {
      return false;
    }
    try {
      JsonNode error = answer.json().path("error");
      return error.isTextual() && !error.asText().isBlank();
    } catch (AssertionError notJson) {
      return false;
    }
  }
}
