package io.configdrift.collector.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.agent.it.ChildJvm;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.storage.Storage;
import io.configdrift.collector.storage.StorageFactory;
import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import io.configdrift.protocol.Report;
import io.configdrift.testapp.ConfigCallsProgram;
import io.configdrift.testapp.ConfigCallsProgram.Call;
import io.configdrift.testapp.ConfigCallsProgram.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that reads keys the collector refuses in a report (blank, with control characters, half
 * a surrogate pair, longer than 1,024 characters) and whose revealed values the collector refuses
 * (a trailing newline, as a value mounted from a file has; longer than 4,096 characters) still gets
 * its reports stored: the agent leaves out what no report may carry and counts those reads as
 * dropped. Before, the collector refused every report of such a service, and it vanished.
 */
class AgentReportsWhateverTheProgramReadsIT {
  private static final List<String> UNREPORTABLE_KEYS = List.of(" ", "A\u0007B", "TAB\tKEY", "\ud800", "K".repeat(1_025));

  @TempDir Path temp;

  @Test
  void keysAndValuesNoReportMayCarryAreLeftOutAndTheRestArrives() throws Exception {
    String jdbcUrl = "jdbc:sqlite:" + temp.resolve("collector.db");
    List<Call> calls = new ArrayList<>();
    for (String key : UNREPORTABLE_KEYS) {
      calls.add(new Call(Method.GETENV, key));
      calls.add(new Call(Method.GET_PROPERTY, key));
    }
    calls.add(new Call(Method.GETENV, "DB_TIMEOUT"));
    calls.add(new Call(Method.GETENV, "LOG_LEVEL"));
    calls.add(new Call(Method.GETENV, "PAYMENT_TIMEOUT"));
    Path callFile = temp.resolve("calls.txt");
    Path reportFile = temp.resolve("report.json");
    Files.write(callFile, calls.stream().map(Call::encode).collect(Collectors.toList()), StandardCharsets.US_ASCII);

    try (CollectorProcess collector = CollectorProcess.start(temp, jdbcUrl, "--agent-interval", "3600")) {
      ChildJvm.Result result = ChildJvm.on(ChildJvm.currentJavaHome())
          .classPath(Path.of(ConfigCallsProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
          .env("DB_TIMEOUT", "30s\n")
          .env("LOG_LEVEL", "DEBUG".repeat(1_000))
          .env("PAYMENT_TIMEOUT", "45")
          .withAgent("service=odd,environment=production,instance=pod-1,interval=1,collector=" + collector.baseUrl()
              + ",file=" + reportFile)
          .main(ConfigCallsProgram.class, callFile.toString(), reportFile.toString())
          .run();
      assertThat(result.exitCode).as(result.toString()).isZero();
      assertThat(result.agentLines()).as("the collector took every report")
          .noneSatisfy(line -> assertThat(line).contains("cannot deliver"));

      JsonNode matrix = Http.awaitJson(collector.baseUrl() + "/v1/services/odd/matrix", null, answer -> answer.has("rows"));
      assertThat(cell(matrix, "PAYMENT_TIMEOUT").path("value").asText()).isEqualTo("45");
      assertThat(cell(matrix, "DB_TIMEOUT").path("present").asBoolean()).isTrue();
      assertThat(cell(matrix, "DB_TIMEOUT").has("value")).as("a value with a newline stays hidden").isFalse();
      assertThat(cell(matrix, "LOG_LEVEL").has("value")).as("a value past 4,096 characters stays hidden").isFalse();

      try (Storage storage = StorageFactory.open(jdbcUrl)) {
        Report stored = storage.snapshot("odd", new Scope("production", null), Instant.EPOCH).reports().get(0);
        assertThat(stored.reads).extracting(read -> read.key).contains("DB_TIMEOUT", "LOG_LEVEL", "PAYMENT_TIMEOUT")
            .doesNotContainAnyElementsOf(UNREPORTABLE_KEYS);
        assertThat(stored.dropped).as("reads of the keys left out").isEqualTo(2L * UNREPORTABLE_KEYS.size());
      }
    }
  }

  private static JsonNode cell(JsonNode matrix, String key) {
    for (JsonNode row : matrix.path("rows")) {
      if (row.path("key").asText().equals(key)) {
        return row.path("cells").path("production");
      }
    }
    throw new AssertionError("no row for " + key + " in " + matrix);
  }
}
