package io.configdrift.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.agent.it.ChildJvm;
import io.configdrift.collector.testsupport.AgentRun;
import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret-looking settings hold unique canary strings; after real agents reported them to a real
 * collector, no canary may appear in a report file, the agent's output, the collector's database
 * files, its log, or any answer of its API or page.
 */
class SecretCanaryIT {
  private static final Map<String, String> SECRETS = Map.of(
      "DB_PASSWORD", "canary-7Qx1-password",
      "PAYMENT_API_TOKEN", "canary-9Lm2-token",
      "SIGNING_SECRET", "canary-3Rt5-secret",
      "DATABASE_URL", "postgres://checkout:canary-5Vb8-urlpass@db.internal:5432/orders?sslpassword=canary-6Wn4-query");

  @TempDir Path temp;

  @Test
  void noCanaryLeavesTheProcessInPlainText() throws Exception {
    Path dataDir = temp.resolve("collector");
    Path reportFile = temp.resolve("report.json");
    List<String> outputs = new ArrayList<>();
    try (CollectorProcess collector = CollectorProcess.start(dataDir, "jdbc:sqlite:" + dataDir.resolve("c.db"))) {
      for (String environment : List.of("staging", "production")) {
        AgentRun run = AgentRun.of("checkout", environment, "eu-west-1", environment + "-1").env("DB_TIMEOUT", "30s");
        SECRETS.forEach(run::env);
        ChildJvm.Result result = run.reportTo(collector.baseUrl(), null);
        outputs.add(result.stdout + result.stderr);
      }
      ChildJvm.Result withFile = ChildJvm.on(ChildJvm.currentJavaHome())
          .classPath(Path.of(io.configdrift.testapp.ConfigReadingProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
          .env("DB_PASSWORD", SECRETS.get("DB_PASSWORD")).env("DATABASE_URL", SECRETS.get("DATABASE_URL"))
          .withAgent("service=checkout,environment=dev,file=" + reportFile)
          .main(io.configdrift.testapp.ConfigReadingProgram.class, "1", "1").run();
      outputs.add(withFile.stdout + withFile.stderr);

      String url = collector.baseUrl();
      Http.awaitJson(url + "/v1/services", null, services -> services.size() == 1);
      List<String> answers = new ArrayList<>();
      for (String path : List.of("/", "/v1/services", "/v1/services/checkout/matrix", "/v1/services/checkout/findings",
          "/v1/services/checkout/scopes", "/v1/drift?service=checkout&a=staging&b=production")) {
        answers.add(Http.get(url + path, null).body());
      }
      JsonNode matrix = Http.get(url + "/v1/services/checkout/matrix", null).json();
      for (JsonNode row : matrix.get("rows")) {
        answers.add(Http.get(url + "/v1/services/checkout/history?source=" + row.get("source").asText()
            + "&key=" + java.net.URLEncoder.encode(row.get("key").asText(), StandardCharsets.UTF_8), null).body());
      }
      assertThat(String.join("\n", answers)).as("the secrets were reported at all")
          .contains("DB_PASSWORD", "PAYMENT_API_TOKEN", "DATABASE_URL");
      answers.add(collector.log());
      assertNoCanary("API answers, page and collector log", String.join("\n", answers));
    }
    assertNoCanary("agent output", String.join("\n", outputs));
    assertNoCanary("report file", Files.readString(reportFile));
    assertNoCanary("stored reports", storedReports(dataDir.resolve("c.db")));
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertNoCanary("collector file " + file.getFileName(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
  }

  /** The latest reports as the collector stored them (gzip inside the database, so unzip them to search). */
  private static String storedReports(Path database) throws Exception {
    StringBuilder out = new StringBuilder();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
        java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT latest_report FROM instance")) {
      while (rows.next()) {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
            new java.io.ByteArrayInputStream(rows.getBytes(1)))) {
          out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(out.toString()).contains("DB_PASSWORD");
    return out.toString();
  }

  private static void assertNoCanary(String where, String text) throws IOException {
    for (String secret : SECRETS.values()) {
      for (String canary : canaries(secret)) {
        assertThat(text).as(where + " must not contain " + canary).doesNotContain(canary);
      }
    }
  }

  /** The unique part(s) of a secret: for a URL, the password and the query value. */
  private static List<String> canaries(String secret) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("canary-[0-9A-Za-z]{4}-[a-z]+").matcher(secret);
    while (matcher.find()) {
      out.add(matcher.group());
    }
    return out;
  }
}
