package io.configdrift.collector.engine;

import static io.configdrift.collector.engine.TestReports.FLEET;
import static io.configdrift.collector.engine.TestReports.SERVICE;
import static io.configdrift.collector.engine.TestReports.START;
import static io.configdrift.collector.engine.TestReports.UNKEYED;
import static io.configdrift.collector.engine.TestReports.instance;
import static io.configdrift.collector.engine.TestReports.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.configdrift.collector.policy.KeyPattern;
import io.configdrift.collector.policy.NoiseSettings;
import io.configdrift.collector.policy.Policy;
import io.configdrift.protocol.Sources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where one kind of finding ends and the next begins; one situation, one finding. */
class DriftKindsTest {
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
  private final DriftEngine engine = DriftEngine.withoutFingerprintKey();

  private List<Finding> compare(ScopeSnapshot a, ScopeSnapshot b) {
    return engine.compare(SERVICE, a, b, Policy.empty(), NOW);
  }

  @Test
  void equalValuesGiveNoFinding() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").reads("DB_TIMEOUT", "10s").reads("CUSTOMER_TIER", "gold")),
        snapshot("production", instance("p", "production").reads("DB_TIMEOUT", "10s").reads("CUSTOMER_TIER", "gold"))))
        .isEmpty();
  }

  @Test
  void hiddenValuesAreComparedByFingerprint() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").reads("CUSTOMER_TIER", "gold")),
        snapshot("production", instance("p", "production").reads("CUSTOMER_TIER", "silver"))))
        .singleElement().satisfies(f -> {
          assertThat(f.kind()).isEqualTo(FindingKind.DIFFERENT);
          assertThat(f.a().value()).isNull();
          assertThat(f.message()).contains("a hidden value (");
        });
  }

  @Test
  void aDefaultEqualToTheOtherSidesValueIsNoDrift() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").readsDefault("PAYMENT_TIMEOUT", "30")),
        snapshot("production", instance("p", "production").reads("PAYMENT_TIMEOUT", "30"))))
        .isEmpty();
  }

  @Test
  void unsetOnBothSidesIsNoDriftEvenWithDifferentCodeDefaults() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").readsDefault("PAYMENT_TIMEOUT", "30")),
        snapshot("production", instance("p", "production").readsUnset("PAYMENT_TIMEOUT"))))
        .isEmpty();
  }

  @Test
  void aKeySetButUnreadOnTheOtherSideMakesTheReadingSideMissingOnce() {
    // production still sets the key but its code no longer reads it; staging reads it unset.
    List<Finding> findings = compare(
        snapshot("staging", instance("s", "staging").readsUnset("INVENTORY_SERVICE_URL")),
        snapshot("production", instance("p", "production").sets("INVENTORY_SERVICE_URL", "http://inv")));

    assertThat(findings).extracting(Finding::kind, f -> f.a().scope())
        .containsExactly(tuple(FindingKind.MISSING, "staging"), tuple(FindingKind.UNUSED, "production"));
  }

  @Test
  void aSetKeyTheOtherVersionDoesNotReadIsReadOnlyInAndUnusedThere() {
    List<Finding> findings = compare(
        snapshot("staging", instance("s", "staging").version("2.4.0").reads("NEW_PRICING", "on")),
        snapshot("production", instance("p", "production").version("2.3.0").sets("NEW_PRICING", "on")));

    assertThat(findings).extracting(Finding::kind, f -> f.a().scope())
        .containsExactly(tuple(FindingKind.UNUSED, "production"), tuple(FindingKind.READ_ONLY_IN, "staging"));
    assertThat(findings.get(1).message()).contains("where it is set but unread");
  }

  @Test
  void aKeyReadUnsetOnOneSideAndUnknownOnTheOtherIsReadOnlyIn() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").readsUnset("NEW_PRICING")),
        snapshot("production", instance("p", "production").reads("DB_TIMEOUT", "1"))))
        .extracting(Finding::kind, Finding::key)
        .containsExactly(tuple(FindingKind.READ_ONLY_IN, "DB_TIMEOUT"), tuple(FindingKind.READ_ONLY_IN, "NEW_PRICING"));
  }

  @Test
  void readOnlyInOnTheSameVersionSuggestsAnUntakenCodePath() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").reads("REPORT_TIMEOUT", "5")),
        snapshot("production", instance("p", "production").reads("DB_TIMEOUT", "5").sets("REPORT_TIMEOUT", "5"))))
        .filteredOn(f -> f.kind() == FindingKind.READ_ONLY_IN && f.key().equals("REPORT_TIMEOUT"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("both run version 2.3.0, so production may not have taken that code path yet"));
  }

  @Test
  void keysSetButReadNowhereGiveOnlyUnusedFindings() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").sets("OLD_FLAG", "a")),
        snapshot("production", instance("p", "production").sets("OLD_FLAG", "b"))))
        .extracting(Finding::kind, f -> f.a().scope())
        .containsExactly(tuple(FindingKind.UNUSED, "production"), tuple(FindingKind.UNUSED, "staging"));
  }

  @Test
  void theMajorityOfAScopeSpeaksForItAgainstTheOtherScope() {
    List<Finding> findings = compare(
        snapshot("staging", instance("s", "staging").reads("DB_POOL_SIZE", "20")),
        snapshot("production",
            instance("p1", "production").reads("DB_POOL_SIZE", "20"),
            instance("p2", "production").reads("DB_POOL_SIZE", "20"),
            instance("p3", "production").reads("DB_POOL_SIZE", "10")));

    assertThat(findings).extracting(Finding::kind).containsExactly(FindingKind.INCONSISTENT);
  }

  @Test
  void instancesThatSetAValueWhileOthersRunOnTheSameDefaultAgree() {
    assertThat(engine.inspect(SERVICE, snapshot("production",
            instance("p1", "production").reads("DB_POOL_SIZE", "20"),
            instance("p2", "production").readsDefault("DB_POOL_SIZE", "20")), Policy.empty(), NOW))
        .isEmpty();
    assertThat(engine.inspect(SERVICE, snapshot("production",
            instance("p1", "production").reads("DB_POOL_SIZE", "20"),
            instance("p2", "production").readsUnset("DB_POOL_SIZE")), Policy.empty(), NOW))
        .extracting(Finding::kind).containsExactly(FindingKind.INCONSISTENT);
  }

  @Test
  void differentFingerprintAlgorithmsNeverGiveFalseDrift() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").fingerprints(FLEET)
        .reads("CUSTOMER_TIER", "gold").reads("DB_TIMEOUT", "10s").reads("LOG_LEVEL", "INFO")
        .reads("SIGNING_KEY", "k1"));
    ScopeSnapshot production = snapshot("production", instance("p", "production").fingerprints(UNKEYED)
        .reads("CUSTOMER_TIER", "gold").reads("DB_TIMEOUT", "10s").reads("LOG_LEVEL", "DEBUG")
        .reads("SIGNING_KEY", "k2"));

    // Hidden values cannot be compared across algorithms (CUSTOMER_TIER, SIGNING_KEY): no finding at all.
    // Revealed ones still can: DB_TIMEOUT agrees, LOG_LEVEL does not.
    assertThat(compare(staging, production)).extracting(Finding::kind, Finding::key)
        .containsExactly(tuple(FindingKind.DIFFERENT, "LOG_LEVEL"));
  }

  @Test
  void instancesFingerprintingDifferentlyInOneScopeAreNotInconsistent() {
    assertThat(engine.inspect(SERVICE, snapshot("production",
            instance("p1", "production").fingerprints(FLEET).reads("CUSTOMER_TIER", "gold").reads("DB_TIMEOUT", "10s"),
            instance("p2", "production").fingerprints(UNKEYED).reads("CUSTOMER_TIER", "gold").reads("DB_TIMEOUT", "10s")),
        Policy.empty(), NOW)).isEmpty();
  }

  @Test
  void presenceIsComparedEvenAcrossAlgorithms() {
    assertThat(compare(
        snapshot("staging", instance("s", "staging").fingerprints(FLEET).reads("CUSTOMER_TIER", "gold")),
        snapshot("production", instance("p", "production").fingerprints(UNKEYED).readsUnset("CUSTOMER_TIER"))))
        .extracting(Finding::kind).containsExactly(FindingKind.MISSING);
  }

  @Test
  void platformNoiseNeverGivesFindings() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging")
        .sets("PATH", "/bin").sets("HOME", "/root").sets("LC_ALL", "C").sets("JAVA_TOOL_OPTIONS", "-Xmx1g")
        .sets("KUBERNETES_SERVICE_HOST", "10.0.0.1").sets("INVENTORY_SERVICE_PORT", "80")
        .sets("INVENTORY_PORT_80_TCP_ADDR", "10.0.0.7").sets("OTEL_SERVICE_NAME", "checkout")
        .sets("CONFIGDRIFT_ENVIRONMENT", "staging").sets("_", "/usr/bin/java")
        .reads("HOSTNAME", "stg-7").reads(Sources.SYSPROP, "user.dir", "/app", null)
        .reads(Sources.SYSPROP, "java.io.tmpdir", "/tmp", null).sets(Sources.SYSPROP, "java.vendor", "Eclipse"));
    ScopeSnapshot production = snapshot("production",
        instance("p1", "production").sets("PATH", "/usr/bin").reads("HOSTNAME", "prd-1")
            .reads(Sources.SYSPROP, "user.dir", "/srv", null).reads(Sources.SYSPROP, "java.io.tmpdir", "/var/tmp", null),
        instance("p2", "production").sets("PATH", "/usr/bin").reads("HOSTNAME", "prd-2")
            .reads(Sources.SYSPROP, "user.dir", "/srv", null));

    assertThat(compare(staging, production)).isEmpty();
  }

  @Test
  void noiseIsMatchedPerSource() {
    // "user.*" is noise for system properties only; an environment variable USER_SERVICE_MODE is not.
    assertThat(engine.inspect(SERVICE, snapshot("production", instance("p", "production")
            .sets("USER_SERVICE_MODE", "legacy").sets(Sources.SYSPROP, "user.language", "en")),
        Policy.empty(), NOW)).extracting(Finding::key).containsExactly("USER_SERVICE_MODE");
  }

  @Test
  void aPolicyCanTakeNoiseBackOrAddIt() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").reads("TZ", "UTC").sets("MESOS_TASK_ID", "1"));
    ScopeSnapshot production = snapshot("production", instance("p", "production").reads("TZ", "Europe/Berlin"));
    Policy policy = new Policy(null, null, null, null, null,
        new NoiseSettings(List.of(KeyPattern.parse("env:MESOS_*")), List.of(KeyPattern.parse("env:TZ"))));

    assertThat(compare(staging, production)).extracting(Finding::key).containsExactly("MESOS_TASK_ID");
    assertThat(engine.compare(SERVICE, staging, production, policy, NOW))
        .extracting(Finding::kind, Finding::key).containsExactly(tuple(FindingKind.DIFFERENT, "TZ"));
  }

  @Test
  void withoutStoredSightingsAValueIsAsOldAsItsEarliestFirstRead() {
    Instant early = START.plus(Duration.ofDays(1));
    Instant late = START.plus(Duration.ofDays(20));
    List<Finding> findings = compare(
        snapshot("staging", instance("s", "staging").reads("DB_TIMEOUT", "10s", early)),
        snapshot("production",
            instance("p1", "production").reads("DB_TIMEOUT", "60s", late),
            instance("p2", "production").reads("DB_TIMEOUT", "60s", late.plus(Duration.ofDays(2)))));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.a().since()).isEqualTo(early);
      assertThat(f.b().since()).isEqualTo(late);
      assertThat(f.since()).isEqualTo(late);
    });
  }

  @Test
  void compareAlsoReportsEachScopesOwnFindings() {
    List<Finding> findings = compare(
        snapshot("staging", instance("s", "staging").sets("STAGING_ONLY_FLAG", "1")),
        snapshot("production", instance("p", "production").sets("PROD_ONLY_FLAG", "1")));

    assertThat(findings).extracting(Finding::kind, Finding::key).containsExactly(
        tuple(FindingKind.UNUSED, "PROD_ONLY_FLAG"), tuple(FindingKind.UNUSED, "STAGING_ONLY_FLAG"));
  }

  @Test
  void resultsDoNotDependOnReportOrder() {
    List<TestReports.Builder> reports = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      reports.add(instance("p" + i, "production").reads("DB_POOL_SIZE", i < 4 ? "20" : "10")
          .reads("DB_TIMEOUT", "10s").sets("FLAG_" + (i % 2), "x"));
    }
    ScopeSnapshot staging = snapshot("staging",
        instance("s", "staging").reads("DB_TIMEOUT", "60s").reads("DB_POOL_SIZE", "20"));
    List<Finding> expected = compare(staging, snapshot("production", reports.toArray(TestReports.Builder[]::new)));
    Collections.reverse(reports);
    List<Finding> reversed = compare(staging, snapshot("production", reports.toArray(TestReports.Builder[]::new)));

    assertThat(reversed).isEqualTo(expected);
    assertThat(expected).extracting(Finding::kind, Finding::key).containsExactly(
        tuple(FindingKind.DIFFERENT, "DB_TIMEOUT"),
        tuple(FindingKind.UNUSED, "FLAG_0"),
        tuple(FindingKind.UNUSED, "FLAG_1"),
        tuple(FindingKind.INCONSISTENT, "DB_POOL_SIZE"));
  }

  @Test
  void aReportOfAnotherServiceIsRefused() {
    ScopeSnapshot mixed = snapshot("production", instance("p", "production").service("billing"));

    assertThatThrownBy(() -> engine.inspect(SERVICE, mixed, Policy.empty(), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("billing");
  }
}
