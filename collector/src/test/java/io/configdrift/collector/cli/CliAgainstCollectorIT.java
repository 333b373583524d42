package io.configdrift.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.agent.it.ChildJvm;
import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.engine.EngineResult;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.FindingKind;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyLoader;
import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReportCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real collector (SQLite) that two real agents report to: checkout in staging
 * with {@code DB_TIMEOUT=30s} and in production with {@code DB_TIMEOUT=60s}, each with its own
 * database password, which must never show in any output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliAgainstCollectorIT {
  private static final String FLEET_KEY = "cli-it-fleet-key";
  private static final String READ_TOKEN = "cli-it-read-token";
  private static final String STAGING_PASSWORD = "canary-staging-pw";
  private static final String PRODUCTION_PASSWORD = "canary-production-pw";
  private static final long WAIT_SECONDS = 120;

  @TempDir static Path temp;
  private CollectorProcess collector;
  private final List<Process> services = new ArrayList<>();
  private Path keyFile;

  @BeforeAll
  void collectorWithTwoReportingServices() throws Exception {
    // Failsafe runs this after packaging and names the jars; a unit-test run (surefire) would find stale ones.
    assumeTrue(System.getProperty("collector.jar") != null && System.getProperty("agent.jar") != null,
        "needs the packaged collector and agent jars: run by failsafe (mvn verify)");
    collector = CollectorProcess.start(temp.resolve("collector"), "jdbc:sqlite:" + temp.resolve("configdrift.db"),
        "--read-token", READ_TOKEN);
    keyFile = temp.resolve("fleet.key");
    Files.writeString(keyFile, FLEET_KEY);
    services.add(startService("staging", "30s", STAGING_PASSWORD));
    services.add(startService("production", "60s", PRODUCTION_PASSWORD));
    awaitBothScopesReadDbTimeout();
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (Process service : services) {
      service.destroy();
      if (!service.waitFor(20, TimeUnit.SECONDS)) {
        service.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    }
    if (collector != null) {
      collector.close();
    }
  }

  private Process startService(String environment, String dbTimeout, String password) throws IOException {
    return ChildJvm.on(ChildJvm.currentJavaHome())
        .env("CONFIGDRIFT_FINGERPRINT_KEY", FLEET_KEY)
        .env("DB_TIMEOUT", dbTimeout)
        .env("PAYMENT_TIMEOUT", "45")
        .env("DB_PASSWORD", password)
        .withAgent("service=checkout,environment=" + environment + ",instance=checkout-" + environment
            + ",collector=" + collector.baseUrl() + ",interval=1,file=" + reportFile(environment))
        .classPath(ChildJvm.testClasses())
        .main(ConfiguredService.class)
        .start(temp.resolve(environment + ".out"), temp.resolve(environment + ".err"));
  }

  private Path reportFile(String environment) {
    return temp.resolve(environment + ".json");
  }

  /** Until the collector's matrix has DB_TIMEOUT set in both scopes (the agents report every second). */
  private void awaitBothScopesReadDbTimeout() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest matrix = HttpRequest.newBuilder(URI.create(collector.baseUrl() + "/v1/services/checkout/matrix"))
        .header("Authorization", "Bearer " + READ_TOKEN).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(matrix, HttpResponse.BodyHandlers.ofString());
      last = response.body();
      if (response.statusCode() == 200 && bothSet(CliJson.MAPPER.readTree(last))
          && Files.exists(reportFile("staging")) && Files.exists(reportFile("production"))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the agents' reports did not reach the collector; last answer: " + last
        + "\ncollector log:\n" + collector.log() + "\nstaging stderr:\n" + Files.readString(temp.resolve("staging.err")));
  }

  private static boolean bothSet(JsonNode matrix) {
    for (JsonNode row : matrix.path("rows")) {
      if ("DB_TIMEOUT".equals(row.path("key").asText())) {
        return row.path("cells").path("staging").path("present").asBoolean()
            && row.path("cells").path("production").path("present").asBoolean();
      }
    }
    return false;
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--collector", collector.baseUrl(), "--token", READ_TOKEN));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.out() + run.err()).as("no password ever shows").doesNotContain(STAGING_PASSWORD, PRODUCTION_PASSWORD);
    return run;
  }

  private static String shortFingerprint(String value) {
    return "#" + Fingerprinter.shortForm(Fingerprinter.withKey(FLEET_KEY).fingerprint(value));
  }

  @Test
  void servicesListsCheckoutWithItsTwoScopesAndDrift() {
    CliRun run = cli("services");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).containsPattern("checkout +2 +2 +\\S+Z +\\d+ \\(.*different")
        .endsWith("1 service, 1 with drift.\n");
  }

  @Test
  void diffBetweenStagingAndProductionShowsTheTimeoutAndHidesThePasswords() throws IOException {
    CliRun table = cli("diff", "--service", "checkout", "--between", "staging", "production");
    CliRun json = cli("diff", "--service", "checkout", "--between", "staging", "production", "--format", "json");

    assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
    assertThat(table.out()).containsPattern("different +DB_TIMEOUT +30s +60s +DB_TIMEOUT is ")
        .containsPattern("different +DB_PASSWORD +" + shortFingerprint(STAGING_PASSWORD) + " +"
            + shortFingerprint(PRODUCTION_PASSWORD))
        .doesNotContainPattern("(?m)^\\S+ +PAYMENT_TIMEOUT ");
    assertThat(json.exitCode()).isEqualTo(1);
    JsonNode answer = CliJson.MAPPER.readTree(json.out());
    assertThat(answer.get("a").asText()).isEqualTo("staging");
    assertThat(answer.get("findings").findValuesAsText("key")).contains("DB_TIMEOUT", "DB_PASSWORD");
  }

  @Test
  void matrixShowsRevealedValuesAndFingerprints() {
    CliRun run = cli("matrix", "--service", "checkout");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines().findFirst()).hasValueSatisfying(header ->
        assertThat(header).matches(" +KEY +production +staging"));
    assertThat(run.out()).containsPattern("(?m)^! +DB_TIMEOUT +60s +30s$")
        .containsPattern("(?m)^! +DB_PASSWORD +" + shortFingerprint(PRODUCTION_PASSWORD) + " +"
            + shortFingerprint(STAGING_PASSWORD) + "$")
        .containsPattern("(?m)^ +PAYMENT_TIMEOUT +45 +45$")
        .containsPattern("(?m)^ +INVENTORY_SERVICE_URL +\\(not set, default http://legacy-inventory\\) +\\(not set");
  }

  @Test
  void historyShowsEachScopesValueOfTheKey() {
    CliRun run = cli("history", "DB_TIMEOUT", "--service", "checkout");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("History of DB_TIMEOUT in checkout\n")
        .containsPattern("(?m)^production +60s +\\S+Z +\\S+Z +1 +io\\.configdrift\\.collector\\.cli\\.ConfiguredService\\.main")
        .containsPattern("(?m)^staging +30s +\\S+Z +\\S+Z +1 ");
  }

  @Test
  void verifyChecksTheLiveScopeAgainstAConfigMapAndSecret() throws IOException {
    Path manifest = temp.resolve("checkout.yaml");
    Files.writeString(manifest, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: checkout
        data:
          DB_TIMEOUT: "60s"
          PAYMENT_TIMEOUT: "45"
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: checkout-db
        data:
          DB_PASSWORD: %s
        """.formatted(Base64.getEncoder().encodeToString(PRODUCTION_PASSWORD.getBytes(StandardCharsets.UTF_8))));

    // The children inherit this test's environment, which the manifest does not declare.
    CliRun production = cli("verify", "--expected", manifest.toString(), "--service", "checkout",
        "--scope", "production", "--fingerprint-key-file", keyFile.toString(), "--ignore-undeclared");
    CliRun staging = cli("verify", "--expected", manifest.toString(), "--service", "checkout",
        "--scope", "staging", "--fingerprint-key-file", keyFile.toString(), "--ignore-undeclared");

    assertThat(production.exitCode()).as(production.toString()).isZero();
    assertThat(production.out()).isEqualTo("checkout in production against " + manifest
        + " (env): all 3 declared keys match.\n");
    assertThat(staging.exitCode()).as(staging.toString()).isEqualTo(1);
    assertThat(staging.out())
        .containsPattern("DB_PASSWORD +" + shortFingerprint(PRODUCTION_PASSWORD) + " +"
            + shortFingerprint(STAGING_PASSWORD) + " +read by the code")
        .containsPattern("DB_TIMEOUT +60s +30s +read by the code")
        .endsWith("1 of 3 declared keys match, 2 different, 0 not set, 0 set but not declared.\n");
  }

  @Test
  void baselineAcceptsTheCurrentFindingsSoThatTheEngineSuppressesThem() throws Exception {
    Path existing = temp.resolve("existing-policy.yaml");
    Files.writeString(existing, """
        # Passwords differ per environment by design.
        allowDifferent:
          - keys: ["*_PASSWORD"]
            reason: every environment has its own credentials
        """);
    Path policyFile = temp.resolve("policy.yaml");

    CliRun run = cli("baseline", "--service", "checkout", "--policy", existing.toString(),
        "--reason", "accepted in CliAgainstCollectorIT", "--output", policyFile.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).matches("Accepted \\d+ findings? of checkout in " + policyFile.toString().replace("\\", "\\\\")
        + "\\.\n");
    String yaml = Files.readString(policyFile);
    assertThat(yaml).startsWith(Files.readString(existing) + "\nbaseline:\n")
        .contains("""
              - kind: different
                source: env
                key: DB_TIMEOUT
                scopes:
                  - production
                  - staging
                fingerprints:
                  - %s
                  - %s
                reason: accepted in CliAgainstCollectorIT
            """.formatted(shortFingerprint("60s").substring(1), shortFingerprint("30s").substring(1)))
        .as("allowed by the existing policy, so not baselined").doesNotContain("key: DB_PASSWORD");

    Policy policy = PolicyLoader.load(policyFile);
    ReportCodec codec = new ReportCodec();
    EngineResult result = DriftEngine.withoutFingerprintKey().evaluate("checkout", List.of(
        ScopeSnapshot.of(Scope.parse("staging"), List.of(codec.read(Files.readAllBytes(reportFile("staging"))))),
        ScopeSnapshot.of(Scope.parse("production"), List.of(codec.read(Files.readAllBytes(reportFile("production")))))),
        policy, Instant.now());
    assertThat(result.findings()).as("every current finding is allowed or accepted").isEmpty();
    assertThat(result.baselined()).extracting(Finding::key, Finding::kind).contains(
        tuple("DB_TIMEOUT", FindingKind.DIFFERENT));
    assertThat(result.allowed()).extracting(Finding::key).containsExactly("DB_PASSWORD");

    CliRun offline = CliRun.of("diff", reportFile("staging").toString(), reportFile("production").toString(),
        "--policy", policyFile.toString());
    assertThat(offline.exitCode()).as(offline.toString()).isZero();
    assertThat(offline.out()).startsWith("No drift between staging and production of checkout (1 allowed and ");
  }

  @Test
  void withoutTheReadTokenTheCollectorRefusesInOneLine() {
    CliRun run = CliRun.of("services", "--collector", collector.baseUrl());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: the collector at " + collector.baseUrl()
        + " needs a read token: pass --token or set CONFIGDRIFT_READ_TOKEN\n");
  }

  @Test
  void anUnknownServiceIsOneLine() {
    CliRun run = cli("matrix", "--service", "billing");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: the collector at " + collector.baseUrl()
        + " says: no instance of service 'billing' has reported\n");
  }
}
