package io.configdrift.collector.engine;

import static io.configdrift.collector.engine.TestReports.SERVICE;
import static io.configdrift.collector.engine.TestReports.fp;
import static io.configdrift.collector.engine.TestReports.instance;
import static io.configdrift.collector.engine.TestReports.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixBuilderTest {
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
  private final MatrixBuilder builder = new MatrixBuilder(DriftEngine.withoutFingerprintKey());

  private final ScopeSnapshot staging = snapshot("staging",
      instance("s1", "staging").reads("DB_TIMEOUT", "10s").reads("INVENTORY_SERVICE_URL", "http://inv")
          .reads("LOG_LEVEL", "INFO").readsDefault("PAYMENT_TIMEOUT", "30").reads("PAYMENTS_URL", "http://pay.stg")
          .sets("PATH", "/bin"));
  private final ScopeSnapshot us = snapshot("production/us-east-1",
      instance("u1", "production/us-east-1").reads("DB_TIMEOUT", "60s").readsUnset("INVENTORY_SERVICE_URL")
          .reads("LOG_LEVEL", "INFO").reads("PAYMENT_TIMEOUT", "60").reads("PAYMENTS_URL", "http://pay")
          .sets("ENABLE_NEW_CHECKOUT", "true").sets("PATH", "/usr/bin"),
      instance("u2", "production/us-east-1").reads("DB_TIMEOUT", "60s").readsUnset("INVENTORY_SERVICE_URL")
          .reads("LOG_LEVEL", "DEBUG").reads("PAYMENT_TIMEOUT", "60").reads("PAYMENTS_URL", "http://pay")
          .sets("PATH", "/usr/bin"));
  private final ScopeSnapshot eu = snapshot("production/eu-west-1",
      instance("e1", "production/eu-west-1").reads("DB_TIMEOUT", "10s").reads("INVENTORY_SERVICE_URL", "http://inv")
          .reads("LOG_LEVEL", "INFO").reads("PAYMENT_TIMEOUT", "60").reads("PAYMENTS_URL", "http://pay.eu"));
  private final Policy policy = PolicyLoader.parse("""
      allowDifferent:
        - keys: ["*_URL"]
          kinds: [different]
          reason: endpoints differ by design
      rules:
        - key: PAYMENT_TIMEOUT
          scope: production
          equals: "60"
      """, "matrix test policy");

  private Matrix matrix() {
    return builder.build(SERVICE, List.of(staging, us, eu), policy, NOW);
  }

  private static MatrixRow row(Matrix matrix, String key) {
    return matrix.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void listsEveryKeyOnceSortedWithTheScopesInTheOrderAsked() {
    Matrix matrix = matrix();

    assertThat(matrix.service()).isEqualTo(SERVICE);
    assertThat(matrix.scopes()).containsExactly("staging", "production/us-east-1", "production/eu-west-1");
    assertThat(matrix.rows()).extracting(MatrixRow::key).containsExactly("DB_TIMEOUT", "ENABLE_NEW_CHECKOUT",
        "INVENTORY_SERVICE_URL", "LOG_LEVEL", "PATH", "PAYMENTS_URL", "PAYMENT_TIMEOUT");
    assertThat(row(matrix, "DB_TIMEOUT").cells()).containsOnlyKeys(matrix.scopes());
    assertThat(row(matrix, "ENABLE_NEW_CHECKOUT").cells()).containsOnlyKeys("production/us-east-1");
  }

  @Test
  void cellsWithTheSameValueShareAValueGroupAndUnsetIsAGroupOfItsOwn() {
    Matrix matrix = matrix();

    assertThat(row(matrix, "DB_TIMEOUT").cells().values()).extracting(MatrixCell::valueGroup).containsExactly(0, 1, 0);
    assertThat(row(matrix, "INVENTORY_SERVICE_URL").cells().values()).extracting(MatrixCell::valueGroup)
        .containsExactly(0, 1, 0);
    // Staging's unset (defaulted) cell is its own group even though its default is another value.
    assertThat(row(matrix, "PAYMENT_TIMEOUT").cells().values()).extracting(MatrixCell::valueGroup)
        .containsExactly(0, 1, 1);
  }

  @Test
  void cellsCarryTheValueItsFingerprintAndItsInstances() {
    MatrixCell usTimeout = row(matrix(), "DB_TIMEOUT").cells().get("production/us-east-1");

    assertThat(usTimeout.read()).isTrue();
    assertThat(usTimeout.present()).isTrue();
    assertThat(usTimeout.value()).isEqualTo("60s");
    assertThat(usTimeout.fingerprint()).isEqualTo(fp("60s"));
    assertThat(usTimeout.shortFingerprint()).isEqualTo(fp("60s").substring(0, 8)).hasSize(8);
    assertThat(usTimeout.instances()).isEqualTo(2);
    assertThat(usTimeout.disagree()).isFalse();

    MatrixCell stagingPayment = row(matrix(), "PAYMENT_TIMEOUT").cells().get("staging");
    assertThat(stagingPayment.present()).isFalse();
    assertThat(stagingPayment.defaultUsed()).isTrue();
    assertThat(stagingPayment.defaultValue()).isEqualTo("30");
    assertThat(stagingPayment.fingerprint()).isNull();
  }

  @Test
  void badgesPointAtTheCellTheFindingIsAbout() {
    Matrix matrix = matrix();

    assertThat(row(matrix, "INVENTORY_SERVICE_URL").cells().get("production/us-east-1").badges())
        .containsExactly(FindingKind.MISSING);
    assertThat(row(matrix, "INVENTORY_SERVICE_URL").cells().get("staging").badges()).isEmpty();
    assertThat(row(matrix, "ENABLE_NEW_CHECKOUT").cells().get("production/us-east-1").badges())
        .containsExactly(FindingKind.UNUSED);
    assertThat(row(matrix, "PAYMENT_TIMEOUT").cells().get("staging").badges()).containsExactly(FindingKind.DEFAULTED);
    MatrixCell usLogLevel = row(matrix, "LOG_LEVEL").cells().get("production/us-east-1");
    assertThat(usLogLevel.disagree()).isTrue();
    assertThat(usLogLevel.badges()).containsExactly(FindingKind.INCONSISTENT);
  }

  @Test
  void ruleBadgesMarkTheScopeBreakingTheRule() {
    ScopeSnapshot production = snapshot("production", instance("p", "production").reads("PAYMENT_TIMEOUT", "90"));

    Matrix matrix = builder.build(SERVICE, List.of(staging, production), policy, NOW);

    assertThat(row(matrix, "PAYMENT_TIMEOUT").cells().get("production").badges())
        .containsExactly(FindingKind.RULE);
  }

  @Test
  void driftMarksRowsWithSomethingToActOn() {
    Matrix matrix = matrix();

    assertThat(matrix.rows()).filteredOn(MatrixRow::drift).extracting(MatrixRow::key).containsExactly(
        "DB_TIMEOUT", "ENABLE_NEW_CHECKOUT", "INVENTORY_SERVICE_URL", "LOG_LEVEL", "PAYMENT_TIMEOUT");
    // Endpoints differ in every scope, but the policy allows it; PATH is platform noise.
    assertThat(row(matrix, "PAYMENTS_URL").drift()).isFalse();
    assertThat(row(matrix, "PAYMENTS_URL").cells().values()).extracting(MatrixCell::valueGroup).containsExactly(0, 1, 2);
    assertThat(row(matrix, "PATH").drift()).isFalse();
    assertThat(row(matrix, "PATH").muted()).isTrue();
  }

  @Test
  void serialisesToJsonWithWireNames() throws Exception {
    JsonNode json = new ObjectMapper().valueToTree(matrix());

    JsonNode cell = json.path("rows").path(2).path("cells").path("production/us-east-1");
    assertThat(json.path("rows").path(2).path("key").asText()).isEqualTo("INVENTORY_SERVICE_URL");
    assertThat(cell.path("badges").get(0).asText()).isEqualTo("missing");
    assertThat(cell.has("value")).isFalse();
  }

  @Test
  void buildsTheMatrixOfAHundredInstancesAndFiveHundredKeys() {
    String[] scopes = {"staging", "production/us-east-1", "production/eu-west-1", "production/ap-south-1"};
    List<ScopeSnapshot> snapshots = new ArrayList<>();
    for (int s = 0; s < scopes.length; s++) {
      List<TestReports.Builder> reports = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        TestReports.Builder report = instance(scopes[s] + "-" + i, scopes[s]);
        for (int k = 0; k < 500; k++) {
          String key = "KEY_%03d_TIMEOUT".formatted(k);
          if (k == 7 && s == 2) {
            report.reads(key, "tuned");                      // EU differs
          } else if (k == 11 && s == 1 && i == 24) {
            report.reads(key, "odd one");                    // one US instance disagrees
          } else if (k == 13 && s == 3) {
            report.readsUnset(key);                          // missing in AP
          } else if (k == 499) {
            report.sets(key, "dead");                        // set everywhere, read nowhere
          } else {
            report.reads(key, "v" + k);
          }
        }
        reports.add(report);
      }
      snapshots.add(snapshot(scopes[s], reports.toArray(TestReports.Builder[]::new)));
    }

    Matrix matrix = builder.build(SERVICE, snapshots, Policy.empty(), NOW);

    assertThat(matrix.rows()).hasSize(500);
    assertThat(matrix.rows()).allSatisfy(r -> assertThat(r.cells()).hasSize(4));
    assertThat(matrix.rows()).filteredOn(MatrixRow::drift).extracting(MatrixRow::key)
        .containsExactly("KEY_007_TIMEOUT", "KEY_011_TIMEOUT", "KEY_013_TIMEOUT", "KEY_499_TIMEOUT");
    assertThat(row(matrix, "KEY_007_TIMEOUT").cells().values()).extracting(MatrixCell::valueGroup)
        .containsExactly(0, 0, 1, 0);
    MatrixCell oddUs = row(matrix, "KEY_011_TIMEOUT").cells().get("production/us-east-1");
    assertThat(oddUs.disagree()).isTrue();
    assertThat(oddUs.instances()).isEqualTo(25);
    assertThat(oddUs.value()).isEqualTo("v11");
    assertThat(row(matrix, "KEY_013_TIMEOUT").cells().get("production/ap-south-1").badges())
        .containsExactly(FindingKind.MISSING);
    assertThat(row(matrix, "KEY_499_TIMEOUT").cells().values())
        .allSatisfy(c -> assertThat(c.badges()).containsExactly(FindingKind.UNUSED));
  }
}
