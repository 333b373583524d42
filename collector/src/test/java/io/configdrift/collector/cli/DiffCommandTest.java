package io.configdrift.collector.cli;

import static io.configdrift.collector.engine.TestReports.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.collector.engine.TestReports;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import io.configdrift.protocol.ReportJsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configdrift diff} on report files, in process, with the real engine. */
class DiffCommandTest {
  private static final String SECRET_STAGING = "canary-staging-pw";
  private static final String SECRET_PRODUCTION = "canary-production-pw";

  @TempDir Path temp;

  private Path write(String name, TestReports.Builder report) throws IOException {
    return write(name, report.build());
  }

  private Path write(String name, Report report) throws IOException {
    Path file = temp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, ReportJsonWriter.toJson(report));
    return file;
  }

  private Path staging() throws IOException {
    return write("staging.json", instance("checkout-s1", "staging")
        .reads("DB_TIMEOUT", "30s").reads("PAYMENT_TIMEOUT", "45").reads("DB_PASSWORD", SECRET_STAGING));
  }

  private Path production() throws IOException {
    return write("production.json", instance("checkout-p1", "production")
        .reads("DB_TIMEOUT", "60s").reads("PAYMENT_TIMEOUT", "45").reads("DB_PASSWORD", SECRET_PRODUCTION));
  }

  @Test
  void sameConfigurationIsNoDrift() throws IOException {
    Path a = write("a.json", instance("s1", "staging").reads("DB_TIMEOUT", "30s"));
    Path b = write("b.json", instance("p1", "production").reads("DB_TIMEOUT", "30s"));

    CliRun run = CliRun.of("diff", a.toString(), b.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("No drift between staging and production of checkout.\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void driftIsATableOfFindingsAndExitCodeOne() throws IOException {
    CliRun run = CliRun.of("diff", staging().toString(), production().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines().findFirst()).hasValueSatisfying(header ->
        assertThat(header).matches("KIND +KEY +staging +production +FINDING"));
    assertThat(run.out()).containsPattern("different +DB_TIMEOUT +30s +60s +DB_TIMEOUT is 30s in staging but 60s in production")
        .containsPattern("different +DB_PASSWORD +#[0-9a-f]{8} +#[0-9a-f]{8} ")
        .doesNotContain("PAYMENT_TIMEOUT")
        .endsWith("\n2 findings between staging and production of checkout.\n");
    assertThat(run.out()).as("hidden values never print").doesNotContain(SECRET_STAGING, SECRET_PRODUCTION);
  }

  @Test
  void jsonIsTheCollectorsDriftAnswer() throws IOException {
    CliRun run = CliRun.of("diff", staging().toString(), production().toString(), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode answer = CliJson.MAPPER.readTree(run.out());
    assertThat(answer.get("service").asText()).isEqualTo("checkout");
    assertThat(answer.get("a").asText()).isEqualTo("staging");
    assertThat(answer.get("b").asText()).isEqualTo("production");
    assertThat(answer.get("findings")).hasSize(2);
    JsonNode timeout = answer.get("findings").get(1);
    assertThat(timeout.get("kind").asText()).isEqualTo("different");
    assertThat(timeout.get("key").asText()).isEqualTo("DB_TIMEOUT");
    assertThat(timeout.get("a").get("value").asText()).isEqualTo("30s");
    assertThat(answer.get("allowed").asInt()).isZero();
    assertThat(run.out()).doesNotContain(SECRET_STAGING, SECRET_PRODUCTION);
  }

  @Test
  void markdownIsATableForAPullRequestComment() throws IOException {
    CliRun run = CliRun.of("diff", staging().toString(), production().toString(), "--format", "MARKDOWN");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("| KIND | KEY | staging | production | FINDING |\n| --- | --- | --- | --- | --- |\n")
        .contains("| different | DB_TIMEOUT | 30s | 60s | DB_TIMEOUT is 30s in staging");
  }

  @Test
  void thePolicyAppliesAsInTheCollector() throws IOException {
    Path policy = temp.resolve("policy.yaml");
    Files.writeString(policy, """
        allowDifferent:
          - keys: ["*_PASSWORD"]
            reason: every environment has its own credentials
        baseline:
          - kind: different
            key: DB_TIMEOUT
            scopes: [staging, production]
            reason: until PAY-812
        """);

    CliRun run = CliRun.of("diff", staging().toString(), production().toString(), "--policy", policy.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(
        "No drift between staging and production of checkout (1 allowed and 1 baselined by the policy).\n");
  }

  @Test
  void reportsOfOneScopeAreToldApartByFileName() throws IOException {
    Path before = write("before.json", instance("p1", "production").reads("DB_TIMEOUT", "30s"));
    Path after = write("after.json", instance("p1", "production").reads("DB_TIMEOUT", "60s"));

    CliRun run = CliRun.of("diff", before.toString(), after.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("KIND +KEY +before.json +after.json")
        .containsPattern("different +DB_TIMEOUT +30s +60s");
  }

  @Test
  void reportsOfOneScopeWithTheSameFileNameAreToldApartByPath() throws IOException {
    Path one = write("one/report.json", instance("p1", "production").reads("DB_TIMEOUT", "30s"));
    Path two = write("two/report.json", instance("p2", "production").reads("DB_TIMEOUT", "60s"));

    CliRun run = CliRun.of("diff", one.toString(), two.toString());

    assertThat(run.out()).contains(one.toString(), two.toString()).containsPattern("different +DB_TIMEOUT +30s +60s");
  }

  @Test
  void aMissingFileIsOneLineAndExitCodeTwo() throws IOException {
    CliRun run = CliRun.of("diff", staging().toString(), temp.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("configdrift: no such file: " + temp.resolve("nope.json") + "\n");
  }

  @Test
  void malformedJsonIsOneLineNamingTheFileAndPlace() throws IOException {
    Path broken = temp.resolve("broken.json");
    Files.writeString(broken, "{\"service\": \"checkout\",\n  \"reads\": [\n");

    CliRun run = CliRun.of("diff", staging().toString(), broken.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith("configdrift: " + broken + ": not a valid report: malformed JSON at line 3");
  }

  @Test
  void jsonThatIsNoReportIsOneLineNamingTheFieldAtFault() throws IOException {
    Path array = temp.resolve("array.json");
    Files.writeString(array, "[]");
    Path noService = write("no-service.json", instance("p1", "production").service(null));

    CliRun notAnObject = CliRun.of("diff", staging().toString(), array.toString());
    CliRun incomplete = CliRun.of("diff", staging().toString(), noService.toString());

    assertThat(notAnObject.exitCode()).isEqualTo(2);
    assertThat(notAnObject.err()).isEqualTo(
        "configdrift: " + array + ": not a valid report: expected a JSON object at line 1, column 1\n");
    assertThat(incomplete.exitCode()).isEqualTo(2);
    assertThat(incomplete.err()).isEqualTo("configdrift: " + noService + ": not a valid report: service is required\n");
  }

  @Test
  void anUnknownOptionIsOneLineWithAHint() {
    CliRun run = CliRun.of("diff", "--colour", "a.json", "b.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: Unknown option: '--colour' (see 'configdrift diff --help')\n");
  }

  @Test
  void oneFileIsAUsageError() {
    CliRun run = CliRun.of("diff", "a.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: give two report files, or --collector URL --service S "
        + "--between A B (see 'configdrift diff --help')\n");
  }

  @Test
  void reportsOfTwoServicesAreNotCompared() throws IOException {
    Path checkout = write("checkout.json", instance("c1", "staging").reads("DB_TIMEOUT", "30s"));
    Path billing = write("billing.json", instance("b1", "production").service("billing").reads("DB_TIMEOUT", "30s"));

    CliRun run = CliRun.of("diff", checkout.toString(), billing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: " + checkout + " reports service checkout but " + billing
        + " reports billing: compare reports of one service\n");
  }

  @Test
  void anInvalidPolicyIsOneLineNamingItsLine() throws IOException {
    Path policy = temp.resolve("policy.yaml");
    Files.writeString(policy, "allowDiferent: []\n");

    CliRun run = CliRun.of("diff", staging().toString(), production().toString(), "--policy", policy.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith("configdrift: " + policy + ": line ").contains("(allowDiferent): unknown field 'allowDiferent'");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: Missing required subcommand (see 'configdrift --help')\n");
  }
}
