package io.configdrift.collector.engine;

import static io.configdrift.collector.engine.TestReports.SERVICE;
import static io.configdrift.collector.engine.TestReports.START;
import static io.configdrift.collector.engine.TestReports.firstSeen;
import static io.configdrift.collector.engine.TestReports.fp;
import static io.configdrift.collector.engine.TestReports.instance;
import static io.configdrift.collector.engine.TestReports.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyDocs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stories of the drift article, each as the collector must see it. */
class SeedStoriesTest {
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
  private final DriftEngine engine = DriftEngine.withoutFingerprintKey();

  @Test
  void emergencyTimeoutFixInProductionIsDifferentAndDated() {
    Instant fixedAt = Instant.parse("2026-06-03T02:14:00Z");
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").reads("DB_TIMEOUT", "10s"));
    ScopeSnapshot production = snapshot("production", firstSeen("DB_TIMEOUT", "60s", fixedAt),
        instance("prd-1", "production").reads("DB_TIMEOUT", "60s"),
        instance("prd-2", "production").reads("DB_TIMEOUT", "60s"));

    List<Finding> findings = engine.compare(SERVICE, staging, production, Policy.empty(), NOW);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.DIFFERENT);
      assertThat(f.key()).isEqualTo("DB_TIMEOUT");
      assertThat(f.source()).isEqualTo("env");
      assertThat(f.a().scope()).isEqualTo("staging");
      assertThat(f.a().value()).isEqualTo("10s");
      assertThat(f.b().value()).isEqualTo("60s");
      assertThat(f.b().fingerprint()).isEqualTo(fp("60s"));
      assertThat(f.b().instances()).containsExactly("prd-1", "prd-2");
      assertThat(f.since()).isEqualTo(fixedAt);
      assertThat(f.message()).startsWith("DB_TIMEOUT is 60s in production but 10s in staging, since 2026-06-03");
    });
  }

  @Test
  void featureFlagLeftInProductionIsUnused() {
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").version("2.4.0").reads("CHECKOUT_ROLLOUT_PERCENT", "100"));
    ScopeSnapshot production = snapshot("production",
        instance("prd-1", "production").version("2.4.0").reads("CHECKOUT_ROLLOUT_PERCENT", "100")
            .sets("ENABLE_NEW_CHECKOUT", "true"),
        instance("prd-2", "production").version("2.4.0").reads("CHECKOUT_ROLLOUT_PERCENT", "100")
            .sets("ENABLE_NEW_CHECKOUT", "true"));

    List<Finding> findings = engine.compare(SERVICE, staging, production, Policy.empty(), NOW);

    assertThat(findings).extracting(Finding::kind, Finding::key)
        .containsExactly(tuple(FindingKind.UNUSED, "ENABLE_NEW_CHECKOUT"));
    Finding unused = findings.get(0);
    assertThat(unused.a().scope()).isEqualTo("production");
    assertThat(unused.a().read()).isFalse();
    assertThat(unused.a().present()).isTrue();
    assertThat(unused.a().instances()).containsExactly("prd-1", "prd-2");
    assertThat(unused.b()).isNull();
    assertThat(unused.message()).contains("no running code there reads it");
    assertThat(engine.inspect(SERVICE, production, Policy.empty(), NOW)).containsExactly(unused);
  }

  @Test
  void debugLoggingLeftOnInProductionBreaksRulesAndItsTimeLimit() {
    Instant debuggingStarted = NOW.minus(Duration.ofDays(9));
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").reads("LOG_LEVEL", "INFO").readsDefault("LOG_INCLUDE_SENSITIVE", "false"));
    ScopeSnapshot production = snapshot("production",
        firstSeen("LOG_LEVEL", "DEBUG", debuggingStarted, "LOG_INCLUDE_SENSITIVE", "true", debuggingStarted),
        instance("prd-1", "production").reads("LOG_LEVEL", "DEBUG").reads("LOG_INCLUDE_SENSITIVE", "true"),
        instance("prd-2", "production").reads("LOG_LEVEL", "DEBUG").reads("LOG_INCLUDE_SENSITIVE", "true"));

    List<Finding> findings = engine.compare(SERVICE, staging, production, PolicyDocs.completeExample(), NOW);

    assertThat(findings).extracting(Finding::kind, Finding::key).containsExactly(
        tuple(FindingKind.DIFFERENT, "LOG_LEVEL"),
        tuple(FindingKind.DEFAULTED, "LOG_INCLUDE_SENSITIVE"),
        tuple(FindingKind.RULE, "LOG_INCLUDE_SENSITIVE"),
        tuple(FindingKind.RULE, "LOG_INCLUDE_SENSITIVE"),
        tuple(FindingKind.RULE, "LOG_LEVEL"),
        tuple(FindingKind.RULE, "LOG_LEVEL"));
    assertThat(messages(findings, FindingKind.RULE)).containsExactlyInAnyOrder(
        "LOG_LEVEL is DEBUG in production (2 instances), but the policy requires INFO (DEBUG floods the log pipeline).",
        "LOG_LEVEL=DEBUG in production for 9 days, longer than the allowed 1d for different drift"
            + " (debug settings are for one debugging session).",
        "LOG_INCLUDE_SENSITIVE is a hidden value (" + fp("true").substring(0, 8) + ") in production (2 instances),"
            + " but the policy requires it to be absent (payment tokens must never reach the logs).",
        "LOG_INCLUDE_SENSITIVE (hidden value " + fp("true").substring(0, 8) + ") in production for 9 days,"
            + " longer than the allowed 1d for defaulted drift (debug settings are for one debugging session).");
    assertThat(findings).filteredOn(f -> f.kind() == FindingKind.RULE)
        .allSatisfy(f -> assertThat(f.a().scope()).isEqualTo("production"));
  }

  @Test
  void debugLoggingForLessThanADayIsDriftButNotYetOverdue() {
    Instant debuggingStarted = NOW.minus(Duration.ofHours(5));
    ScopeSnapshot staging = snapshot("staging", instance("stg-1", "staging").reads("LOG_LEVEL", "INFO"));
    ScopeSnapshot production = snapshot("production", firstSeen("LOG_LEVEL", "DEBUG", debuggingStarted),
        instance("prd-1", "production").reads("LOG_LEVEL", "DEBUG"));

    List<Finding> findings = engine.compare(SERVICE, staging, production, PolicyDocs.completeExample(), NOW);

    assertThat(findings).extracting(Finding::kind, f -> f.message().contains("longer than the allowed"))
        .containsExactly(tuple(FindingKind.DIFFERENT, false), tuple(FindingKind.RULE, false));
  }

  @Test
  void euRegionTunedDuringItsIncidentDiffersFromUs() {
    ScopeSnapshot us = snapshot("production/us-east-1",
        instance("us-1", "production/us-east-1").reads("DB_HOST", "db-us-east.example.com")
            .reads("DB_PORT", "5432").reads("DB_POOL_SIZE", "20").reads("DB_TIMEOUT", "30"));
    ScopeSnapshot eu = snapshot("production/eu-west-1",
        instance("eu-1", "production/eu-west-1").reads("DB_HOST", "db-eu-west.example.com")
            .reads("DB_PORT", "5432").reads("DB_POOL_SIZE", "10").reads("DB_TIMEOUT", "60"));

    EngineResult result = engine.evaluate(SERVICE, List.of(us, eu), PolicyDocs.completeExample(), NOW);

    assertThat(result.findings()).extracting(Finding::kind, Finding::key, f -> f.a().value(), f -> f.b().value())
        .containsExactly(
            tuple(FindingKind.DIFFERENT, "DB_POOL_SIZE", "20", "10"),
            tuple(FindingKind.DIFFERENT, "DB_TIMEOUT", "30", "60"));
    assertThat(result.allowed()).extracting(Finding::key).containsExactly("DB_HOST");
  }

  @Test
  void inventoryUrlForgottenInProductionIsMissingEvenThoughEndpointsMayDiffer() {
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").version("2.3.0").reads("INVENTORY_SERVICE_URL", "http://inventory.staging:8080"));
    ScopeSnapshot production = snapshot("production",
        instance("prd-1", "production").version("2.3.0").readsUnset("INVENTORY_SERVICE_URL"));

    List<Finding> findings = engine.compare(SERVICE, staging, production, PolicyDocs.completeExample(), NOW);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.MISSING);
      assertThat(f.b().read()).isTrue();
      assertThat(f.b().present()).isFalse();
      assertThat(f.b().defaultUsed()).isFalse();
      assertThat(f.message()).startsWith("INVENTORY_SERVICE_URL is read but not set in production, so the code"
          + " there gets no value and silently runs whatever fallback it has, while staging sets it to"
          + " http://inventory.staging:8080");
    });
  }

  @Test
  void inventoryUrlWithACodeDefaultInProductionIsDefaultedNotMissing() {
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").reads("INVENTORY_SERVICE_URL", "http://inventory.staging:8080"));
    ScopeSnapshot production = snapshot("production",
        instance("prd-1", "production").readsDefault("INVENTORY_SERVICE_URL", "http://legacy-inventory"));

    List<Finding> findings = engine.compare(SERVICE, staging, production, Policy.empty(), NOW);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.DEFAULTED);
      assertThat(f.b().defaultUsed()).isTrue();
      assertThat(f.b().defaultValue()).isEqualTo("http://legacy-inventory");
      assertThat(f.message()).contains("falls back to its default http://legacy-inventory");
    });
  }

  @Test
  void paymentSettingsRaisedInProductionAreTwoDifferences() {
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").reads("PAYMENT_TIMEOUT", "30").reads("PAYMENT_MAX_RETRIES", "3"));
    ScopeSnapshot production = snapshot("production",
        instance("prd-1", "production").reads("PAYMENT_TIMEOUT", "60").reads("PAYMENT_MAX_RETRIES", "5"));

    assertThat(engine.compare(SERVICE, staging, production, Policy.empty(), NOW))
        .extracting(Finding::kind, Finding::key, f -> f.a().value(), f -> f.b().value())
        .containsExactly(
            tuple(FindingKind.DIFFERENT, "PAYMENT_MAX_RETRIES", "3", "5"),
            tuple(FindingKind.DIFFERENT, "PAYMENT_TIMEOUT", "30", "60"));

    // The documented policy accepts the timeout (baseline) and allows 5 retries, but not the difference.
    EngineResult withPolicy = engine.evaluate(SERVICE, List.of(staging, production), PolicyDocs.completeExample(), NOW);
    assertThat(withPolicy.findings()).extracting(Finding::kind, Finding::key)
        .containsExactly(tuple(FindingKind.DIFFERENT, "PAYMENT_MAX_RETRIES"));
    assertThat(withPolicy.baselined()).extracting(Finding::key).containsExactly("PAYMENT_TIMEOUT");
    assertThat(withPolicy.baselinedCount()).isEqualTo(1);
  }

  @Test
  void paymentTimeoutOnlyInTheCodeDefaultInStagingIsDefaulted() {
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").readsDefault("PAYMENT_TIMEOUT", "30"));
    ScopeSnapshot production = snapshot("production",
        instance("prd-1", "production").reads("PAYMENT_TIMEOUT", "60"));

    assertThat(engine.compare(SERVICE, staging, production, Policy.empty(), NOW))
        .extracting(Finding::kind, f -> f.a().defaultValue(), f -> f.b().value())
        .containsExactly(tuple(FindingKind.DEFAULTED, "30", "60"));
  }

  @Test
  void instancesOfOneScopeThatDisagreeAreInconsistent() {
    ScopeSnapshot production = snapshot("production",
        instance("prd-1", "production").reads("DB_POOL_SIZE", "20"),
        instance("prd-2", "production").reads("DB_POOL_SIZE", "20"),
        instance("prd-3", "production").reads("DB_POOL_SIZE", "10", START.plus(Duration.ofDays(3))));

    assertThat(engine.inspect(SERVICE, production, Policy.empty(), NOW)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.INCONSISTENT);
      assertThat(f.a().instances()).containsExactly("prd-1", "prd-2");
      assertThat(f.a().value()).isEqualTo("20");
      assertThat(f.b().instances()).containsExactly("prd-3");
      assertThat(f.b().value()).isEqualTo("10");
      assertThat(f.since()).isEqualTo(START.plus(Duration.ofDays(3)));
      assertThat(f.message()).startsWith(
          "DB_POOL_SIZE differs between the instances of production: 2 instances have 20, 1 has 10 [prd-3]");
    });
  }

  @Test
  void aKeyOnlyTheNewerVersionReadsIsReadOnlyIn() {
    ScopeSnapshot staging = snapshot("staging",
        instance("stg-1", "staging").version("2.4.0").reads("DB_TIMEOUT", "10s")
            .reads("INVENTORY_CACHE_TTL", "300"));
    ScopeSnapshot production = snapshot("production",
        instance("prd-1", "production").version("2.3.0").reads("DB_TIMEOUT", "10s"));

    assertThat(engine.compare(SERVICE, staging, production, Policy.empty(), NOW)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.READ_ONLY_IN);
      assertThat(f.key()).isEqualTo("INVENTORY_CACHE_TTL");
      assertThat(f.a().read()).isTrue();
      assertThat(f.b().read()).isFalse();
      assertThat(f.b().present()).isFalse();
      assertThat(f.message()).startsWith("INVENTORY_CACHE_TTL is read by the code in staging but never in production,"
          + " where it is not set either (staging runs version 2.4.0, production runs version 2.3.0)");
    });
  }

  private static List<String> messages(List<Finding> findings, FindingKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).map(Finding::message).toList();
  }
}
