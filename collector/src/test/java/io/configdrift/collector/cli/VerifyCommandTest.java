package io.configdrift.collector.cli;

import static io.configdrift.collector.engine.TestReports.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.collector.engine.TestReports;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReportCodec;
import io.configdrift.protocol.ReportJsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code configdrift verify --report} in process: declared files against a report made the way the
 * agent makes them (fleet key "fleet-key", default reveal policy).
 */
class VerifyCommandTest {
  private static final String PASSWORD = "canary-db-pw";

  @TempDir Path temp;
  private Path keyFile;
  private Path report;

  @BeforeEach
  void productionReport() throws IOException {
    keyFile = temp.resolve("fleet.key");
    Files.writeString(keyFile, "fleet-key\n");
    report = write("production.json", instance("checkout-p1", "production/eu-west-1")
        .reads("DB_TIMEOUT", "60s")
        .reads("DB_PASSWORD", PASSWORD)
        .readsDefault("INVENTORY_SERVICE_URL", "http://legacy-inventory")
        .sets("PATH", "/usr/bin")
        .sets("HOSTNAME", "checkout-p1"));
  }

  private Path write(String name, TestReports.Builder builder) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, ReportJsonWriter.toJson(builder.build()));
    return file;
  }

  private Path file(String name, String content) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private CliRun verify(Path expected, String... more) {
    String[] args = {"verify", "--expected", expected.toString(), "--report", report.toString(),
        "--fingerprint-key-file", keyFile.toString()};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.of(all);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMatchingEnvFileExitsZero() throws IOException {
    Path expected = file("production.env", "DB_TIMEOUT=60s\nDB_PASSWORD='" + PASSWORD + "'\n");

    CliRun run = verify(expected);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("checkout in production/eu-west-1 (" + report + ") against " + expected
        + " (env): all 2 declared keys match.\n");
  }

  @Test
  void aMismatchingEnvFileListsEachKindOfMismatch() throws IOException {
    Path expected = file("production.env", """
        DB_TIMEOUT=30s
        DB_PASSWORD=canary-other-pw
        INVENTORY_SERVICE_URL=http://inventory:8080
        PAYMENT_TIMEOUT=45
        """);

    CliRun run = verify(expected);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    String hiddenLive = "#" + Fingerprinter.shortForm(TestReports.fp(PASSWORD));
    String hiddenExpected = "#" + Fingerprinter.shortForm(TestReports.fp("canary-other-pw"));
    assertThat(run.out()).contains("Different from " + expected + " (2)")
        .containsPattern("DB_PASSWORD +" + hiddenExpected + " +" + hiddenLive + " +read by the code")
        .containsPattern("DB_TIMEOUT +30s +60s +read by the code")
        .contains("Declared but not set (2)")
        .containsPattern("INVENTORY_SERVICE_URL +http://inventory:8080 +\\(not set\\) +the code reads it and falls "
            + "back to its default http://legacy-inventory")
        .containsPattern("PAYMENT_TIMEOUT +45 +\\(not set\\) +not set, and the code has not read it")
        .doesNotContain("Set but not declared")
        .endsWith("0 of 4 declared keys match, 2 different, 2 not set, 0 set but not declared.\n");
    assertThat(run.out()).as("neither the live nor the declared secret prints")
        .doesNotContain(PASSWORD, "canary-other-pw");
  }

  @Test
  void liveKeysTheFileDoesNotDeclareAreReportedButPlatformNoiseIsNot() throws IOException {
    report = write("production.json", instance("checkout-p1", "production")
        .reads("DB_TIMEOUT", "60s").sets("FEATURE_X", "on").sets("PATH", "/usr/bin").sets("AWS_REGION", "eu"));
    Path expected = file("production.env", "DB_TIMEOUT=60s\n");

    CliRun run = verify(expected);
    CliRun ignoring = verify(expected, "--ignore", "AWS_*");
    CliRun undeclaredAllowed = verify(expected, "--ignore-undeclared");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Set but not declared (2)").containsPattern("AWS_REGION +#[0-9a-f]{8} +set, not read")
        .containsPattern("FEATURE_X +#[0-9a-f]{8} +set, not read").doesNotContain("PATH");
    assertThat(ignoring.out()).contains("Set but not declared (1)").doesNotContain("AWS_REGION");
    assertThat(undeclaredAllowed.exitCode()).as(undeclaredAllowed.toString()).isZero();
  }

  @Test
  void aMatchingSecretIsCheckedByFingerprint() throws IOException {
    Path expected = file("secret.yaml", """
        apiVersion: v1
        kind: Secret
        metadata:
          name: checkout-db
        data:
          DB_PASSWORD: %s
        stringData:
          DB_TIMEOUT: 60s
        """.formatted(base64(PASSWORD)));

    CliRun run = verify(expected);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).endsWith("all 2 declared keys match.\n");
  }

  @Test
  void aMismatchingSecretShowsFingerprintsOnly() throws IOException {
    Path expected = file("secret.yaml", """
        apiVersion: v1
        kind: Secret
        metadata:
          name: checkout-db
        data:
          DB_PASSWORD: %s
        """.formatted(base64("canary-rotated-pw")));

    CliRun run = verify(expected, "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode result = CliJson.MAPPER.readTree(run.out());
    JsonNode different = result.get("different").get(0);
    assertThat(different.get("key").asText()).isEqualTo("DB_PASSWORD");
    assertThat(different.get("expected").asText()).isEqualTo("#" + Fingerprinter.shortForm(TestReports.fp("canary-rotated-pw")));
    assertThat(different.get("live").asText()).isEqualTo("#" + Fingerprinter.shortForm(TestReports.fp(PASSWORD)));
    assertThat(result.get("checked").asInt()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("canary");
  }

  @Test
  void declaredKeysMatchLiveKeysAsPolicyPatternsDo() throws IOException {
    Path expected = file("application.yaml", "db:\n  timeout: 60s\n");

    CliRun run = verify(expected, "--ignore-undeclared");

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void systemPropertiesAreCheckedWithSourceSysprop() throws IOException {
    report = write("production.json", instance("checkout-p1", "production")
        .reads("sysprop", "db.pool.size", "20", null).reads("DB_POOL_SIZE", "99"));
    Path expected = file("jvm.properties", "db.pool.size=20\n");

    CliRun run = verify(expected, "--source", "sysprop");

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void fleetKeyFingerprintsNeedTheKeyHere() throws IOException {
    Path expected = file("production.env", "DB_TIMEOUT=60s\n");

    CliRun run = CliRun.of("verify", "--expected", expected.toString(), "--report", report.toString());

    // Without the key every value would seem different: say what is missing instead.
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: the live values are fingerprinted with the fleet key: set "
        + "CONFIGDRIFT_FINGERPRINT_KEY (or --fingerprint-key-file) to the key the agents use\n");
  }

  @Test
  void reportsOfAnAgentWithoutAKeyAreCheckedWithPlainSha256() throws IOException {
    report = write("production.json", instance("checkout-p1", "production")
        .fingerprints(Fingerprinter.unkeyed()).reads("DB_TIMEOUT", "60s"));
    Path expected = file("production.env", "DB_TIMEOUT=60s\n");

    CliRun run = verify(expected, "--ignore-undeclared");

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void aMissingExpectedFileIsOneLine() {
    CliRun run = verify(temp.resolve("nope.env"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: no such file: " + temp.resolve("nope.env") + "\n");
  }

  @Test
  void reportAndCollectorTogetherAreAUsageError() throws IOException {
    Path expected = file("production.env", "DB_TIMEOUT=60s\n");

    CliRun run = verify(expected, "--collector", "http://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("configdrift: give either --report FILE or --collector URL");
  }
}
