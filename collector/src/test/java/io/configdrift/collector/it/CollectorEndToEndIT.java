package io.configdrift.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.collector.testsupport.AgentRun;
import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real agents in child JVMs report to a real collector process on SQLite and on PostgreSQL. */
class CollectorEndToEndIT {
  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void showsWhatDiffersBetweenStagingAndProduction(String database) throws Exception {
    try (StorageUnderTest storage = StorageUnderTest.create(database, temp);
        CollectorProcess collector = CollectorProcess.start(temp, storage.jdbcUrl())) {
      String url = collector.baseUrl();
      AgentRun.of("checkout", "staging", "us-east-1", "stg-1").env("DB_TIMEOUT", "10s")
          .env("INVENTORY_SERVICE_URL", "http://inventory.staging:8080").reportTo(url, null);
      AgentRun.of("checkout", "production", "us-east-1", "prod-1").env("DB_TIMEOUT", "60s").reportTo(url, null);

      JsonNode drift = Http.awaitJson(url + "/v1/drift?service=checkout&a=staging&b=production", null,
          answer -> answer.get("findings").size() > 0);
      assertThat(finding(drift, "different", "DB_TIMEOUT").path("a").path("value").asText()).isEqualTo("10s");
      assertThat(finding(drift, "different", "DB_TIMEOUT").path("b").path("value").asText()).isEqualTo("60s");
      // The program falls back to its own default, so production runs "defaulted", not merely "missing".
      JsonNode inventory = finding(drift, "defaulted", "INVENTORY_SERVICE_URL");
      assertThat(inventory.path("b").path("present").asBoolean()).isFalse();
      assertThat(inventory.path("b").path("defaultValue").asText()).isEqualTo("http://legacy-inventory");
      assertThat(inventory.path("message").asText()).contains("INVENTORY_SERVICE_URL");

      JsonNode services = Http.get(url + "/v1/services", null).json();
      assertThat(services).hasSize(1);
      assertThat(services.get(0).path("service").asText()).isEqualTo("checkout");
      assertThat(services.get(0).path("findingsByKind").path("different").asInt()).isPositive();

      JsonNode matrix = Http.get(url + "/v1/services/checkout/matrix", null).json();
      assertThat(matrix.path("scopes")).extracting(JsonNode::asText)
          .containsExactly("production/us-east-1", "staging/us-east-1");

      JsonNode history = Http.get(url + "/v1/services/checkout/history?source=env&key=DB_TIMEOUT", null).json();
      assertThat(history).extracting(entry -> entry.path("environment").asText() + "=" + entry.path("value").asText())
          .containsExactlyInAnyOrder("production=60s", "staging=10s");
      assertThat(history.get(0).path("callers").get(0).asText()).startsWith("io.configdrift.testapp.ConfigReadingProgram.main(");
    }
  }

  @Test
  void twoCollectorsShareOnePostgresDatabase() throws Exception {
    try (StorageUnderTest storage = StorageUnderTest.create("postgresql", temp);
        CollectorProcess first = CollectorProcess.start(temp.resolve("one"), storage.jdbcUrl());
        CollectorProcess second = CollectorProcess.start(temp.resolve("two"), storage.jdbcUrl())) {
      AgentRun.of("payments", "staging", "eu-west-1", "a").env("DB_TIMEOUT", "10s").reportTo(first.baseUrl(), null);
      AgentRun.of("payments", "production", "eu-west-1", "b").env("DB_TIMEOUT", "30s").reportTo(second.baseUrl(), null);
      for (CollectorProcess collector : List.of(first, second)) {
        JsonNode drift = Http.awaitJson(collector.baseUrl() + "/v1/drift?service=payments&a=staging&b=production",
            null, answer -> answer.get("findings").size() > 0);
        assertThat(finding(drift, "different", "DB_TIMEOUT").path("b").path("value").asText()).isEqualTo("30s");
      }
    }
  }

  private static JsonNode finding(JsonNode drift, String kind, String key) {
    List<String> seen = new ArrayList<>();
    for (JsonNode finding : drift.get("findings")) {
      seen.add(finding.path("kind").asText() + ":" + finding.path("key").asText());
      if (finding.path("kind").asText().equals(kind) && finding.path("key").asText().equals(key)) {
        return finding;
      }
    }
    throw new AssertionError("no " + kind + " finding for " + key + " among " + seen);
  }
}
