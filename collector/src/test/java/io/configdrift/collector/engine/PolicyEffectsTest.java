package io.configdrift.collector.engine;

import static io.configdrift.collector.engine.TestReports.FLEET;
import static io.configdrift.collector.engine.TestReports.SERVICE;
import static io.configdrift.collector.engine.TestReports.UNKEYED;
import static io.configdrift.collector.engine.TestReports.firstSeen;
import static io.configdrift.collector.engine.TestReports.fp;
import static io.configdrift.collector.engine.TestReports.instance;
import static io.configdrift.collector.engine.TestReports.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each part of the policy does to the engine's findings. */
class PolicyEffectsTest {
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
  private final DriftEngine engine = DriftEngine.withoutFingerprintKey();

  private static Policy policy(String yaml) {
    return PolicyLoader.parse(yaml, "test policy");
  }

  private EngineResult evaluate(Policy policy, ScopeSnapshot... scopes) {
    return engine.evaluate(SERVICE, List.of(scopes), policy, NOW);
  }

  @Test
  void ignoredKeysGiveNoFindingsOfAnyKindRulesIncluded() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").reads("AWS_REGION", "us-east-1")
        .sets("AWS_PROFILE", "x"));
    ScopeSnapshot production = snapshot("production", instance("p", "production").reads("AWS_REGION", "eu-west-1"));
    Policy policy = policy("""
        ignore: ["env:AWS_*"]
        rules:
          - key: AWS_REGION
            equals: us-east-1
        """);

    EngineResult result = evaluate(policy, staging, production);

    assertThat(result.findings()).isEmpty();
    assertThat(result.allowed()).isEmpty();
    assertThat(evaluate(Policy.empty(), staging, production).findings())
        .extracting(Finding::kind, Finding::key)
        .containsExactly(tuple(FindingKind.DIFFERENT, "AWS_REGION"), tuple(FindingKind.UNUSED, "AWS_PROFILE"));
  }

  @Test
  void ignorePatternsRespectTheirSource() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").reads("AWS_REGION", "a"));
    ScopeSnapshot production = snapshot("production", instance("p", "production").reads("AWS_REGION", "b"));

    assertThat(evaluate(policy("ignore: [\"sysprop:AWS_*\"]"), staging, production).findings())
        .extracting(Finding::key).containsExactly("AWS_REGION");
  }

  @Test
  void allowDifferentWithAnEnvironmentLimitOnlyCoversThosePairs() {
    ScopeSnapshot dev = snapshot("dev", instance("d", "dev").reads("PAYMENTS_URL", "http://pay.dev"));
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").reads("PAYMENTS_URL", "http://pay.stg"));
    ScopeSnapshot production = snapshot("production", instance("p", "production").reads("PAYMENTS_URL", "http://pay"));
    Policy policy = policy("""
        allowDifferent:
          - keys: ["*_URL"]
            environments: [staging, production]
            reason: each environment has its own payment gateway
        """);

    EngineResult result = evaluate(policy, dev, staging, production);

    assertThat(result.allowed()).extracting(f -> f.a().scope() + "|" + f.b().scope())
        .containsExactly("staging|production");
    assertThat(result.findings()).extracting(f -> f.a().scope() + "|" + f.b().scope())
        .containsExactlyInAnyOrder("dev|staging", "dev|production");
  }

  @Test
  void allowDifferentWithRegionsCoversOnlyThoseRegions() {
    ScopeSnapshot us = snapshot("production/us-east-1", instance("u", "production/us-east-1").reads("DB_POOL_SIZE", "20"));
    ScopeSnapshot eu = snapshot("production/eu-west-1", instance("e", "production/eu-west-1").reads("DB_POOL_SIZE", "10"));
    ScopeSnapshot ap = snapshot("production/ap-south-1", instance("a", "production/ap-south-1").reads("DB_POOL_SIZE", "20"));
    Policy policy = policy("""
        allowDifferent:
          - keys: [DB_POOL_SIZE]
            environments: [production]
            regions: [us-east-1, eu-west-1]
            reason: the EU database is the smaller instance
        """);

    EngineResult result = evaluate(policy, us, eu, ap);

    assertThat(result.allowed()).hasSize(1);
    assertThat(result.findings()).extracting(f -> f.a().scope() + "|" + f.b().scope())
        .containsExactly("production/eu-west-1|production/ap-south-1");
  }

  @Test
  void allowDifferentLimitedToDifferentStillReportsAMissingEndpoint() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging")
        .reads("INVENTORY_SERVICE_URL", "http://inv.stg").reads("PRICING_URL", "http://pricing.stg"));
    ScopeSnapshot production = snapshot("production", instance("p", "production")
        .readsUnset("INVENTORY_SERVICE_URL").reads("PRICING_URL", "http://pricing"));
    String entry = """
        allowDifferent:
          - keys: ["*_URL"]
            %s
            reason: endpoints differ by design
        """;

    EngineResult onlyValues = evaluate(policy(entry.formatted("kinds: [different]")), staging, production);
    EngineResult everything = evaluate(policy(entry.formatted("")), staging, production);

    assertThat(onlyValues.findings()).extracting(Finding::kind, Finding::key)
        .containsExactly(tuple(FindingKind.MISSING, "INVENTORY_SERVICE_URL"));
    assertThat(onlyValues.allowed()).extracting(Finding::key).containsExactly("PRICING_URL");
    assertThat(everything.findings()).isEmpty();
    assertThat(everything.allowed()).hasSize(2);
  }

  @Test
  void allowDifferentNeverHidesSingleScopeFindings() {
    ScopeSnapshot production = snapshot("production",
        instance("p1", "production").reads("PRICING_URL", "http://a").sets("LEGACY_URL", "http://old"),
        instance("p2", "production").reads("PRICING_URL", "http://a"),
        instance("p3", "production").reads("PRICING_URL", "http://b"));
    Policy policy = policy("""
        allowDifferent:
          - keys: ["*_URL"]
            reason: endpoints differ by design
        """);

    assertThat(evaluate(policy, production).findings()).extracting(Finding::kind, Finding::key).containsExactly(
        tuple(FindingKind.UNUSED, "LEGACY_URL"), tuple(FindingKind.INCONSISTENT, "PRICING_URL"));
  }

  @Test
  void baselineAcceptsTheKnownDriftButNotANewValue() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").reads("PAYMENT_TIMEOUT", "30"));
    ScopeSnapshot production60 = snapshot("production", instance("p", "production").reads("PAYMENT_TIMEOUT", "60"));
    ScopeSnapshot production90 = snapshot("production", instance("p", "production").reads("PAYMENT_TIMEOUT", "90"));
    Policy pinned = policy("""
        baseline:
          - kind: different
            source: env
            key: PAYMENT_TIMEOUT
            scopes: [production, staging]
            fingerprints: [%s, %s]
        """.formatted(fp("60").substring(0, 8), fp("30").substring(0, 8)));
    Policy anyValue = policy("""
        baseline:
          - kind: different
            key: PAYMENT_TIMEOUT
            scopes: [staging, production]
        """);

    EngineResult accepted = evaluate(pinned, staging, production60);
    assertThat(accepted.findings()).isEmpty();
    assertThat(accepted.baselinedCount()).isEqualTo(1);

    EngineResult changedAgain = evaluate(pinned, staging, production90);
    assertThat(changedAgain.findings()).extracting(Finding::key).containsExactly("PAYMENT_TIMEOUT");
    assertThat(changedAgain.baselinedCount()).isZero();

    assertThat(evaluate(anyValue, staging, production90).findings()).isEmpty();
  }

  @Test
  void baselineForOneScopeCoversItsUnusedFlagOnly() {
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").sets("ENABLE_NEW_CHECKOUT", "false"));
    ScopeSnapshot production = snapshot("production", instance("p", "production").sets("ENABLE_NEW_CHECKOUT", "true"));
    Policy policy = policy("""
        baseline:
          - kind: unused
            key: ENABLE_NEW_CHECKOUT
            scope: production
            reason: removed with the next platform release
        """);

    EngineResult result = evaluate(policy, staging, production);

    assertThat(result.findings()).extracting(f -> f.a().scope()).containsExactly("staging");
    assertThat(result.baselined()).extracting(f -> f.a().scope()).containsExactly("production");
  }

  @Test
  void rulesOnHiddenValuesAreCheckedWhereTheFingerprintCanBeComputed() {
    String yaml = """
        rules:
          - key: CUSTOMER_TIER
            equals: gold
        """;
    ScopeSnapshot sha256Reports = snapshot("production",
        instance("p1", "production").fingerprints(UNKEYED).reads("CUSTOMER_TIER", "gold"),
        instance("p2", "production").fingerprints(UNKEYED).reads("CUSTOMER_TIER", "silver"));
    ScopeSnapshot hmacReports = snapshot("production",
        instance("p1", "production").fingerprints(FLEET).reads("CUSTOMER_TIER", "silver"),
        instance("p2", "production").fingerprints(FLEET).reads("CUSTOMER_TIER", "silver"));
    DriftEngine withFleetKey = new DriftEngine(ValueFingerprints.using(FLEET));

    assertThat(engine.inspect(SERVICE, sha256Reports, policy(yaml), NOW))
        .filteredOn(f -> f.kind() == FindingKind.RULE).singleElement()
        .satisfies(f -> assertThat(f.a().instances()).containsExactly("p2"));
    // Without the fleet key the expected HMAC cannot be computed: skipped, not guessed.
    assertThat(engine.inspect(SERVICE, hmacReports, policy(yaml), NOW)).isEmpty();
    assertThat(withFleetKey.inspect(SERVICE, hmacReports, policy(yaml), NOW))
        .extracting(Finding::kind, f -> f.a().instances())
        .containsExactly(tuple(FindingKind.RULE, List.of("p1", "p2")));
  }

  @Test
  void rulesJudgeTheValueTheCodeRunsWith() {
    ScopeSnapshot production = snapshot("production",
        instance("p1", "production").readsDefault("LOG_LEVEL", "INFO").readsUnset("PAYMENT_MAX_RETRIES")
            .reads("DB_TIMEOUT", "10s"),
        instance("p2", "production").readsDefault("LOG_LEVEL", "DEBUG").reads("PAYMENT_MAX_RETRIES", "5")
            .readsUnset("DB_TIMEOUT"));
    Policy policy = policy("""
        rules:
          - key: LOG_LEVEL
            equals: INFO
          - key: PAYMENT_MAX_RETRIES
            oneOf: ["3", "5"]
          - key: DB_TIMEOUT
            present: true
        """);

    assertThat(engine.inspect(SERVICE, production, policy, NOW))
        .filteredOn(f -> f.kind() == FindingKind.RULE)
        .extracting(Finding::key, f -> f.a().instances())
        .containsExactly(
            tuple("DB_TIMEOUT", List.of("p2")),
            tuple("LOG_LEVEL", List.of("p2")),
            tuple("PAYMENT_MAX_RETRIES", List.of("p1")));
  }

  @Test
  void aRuleHoldsOnlyInItsScope() {
    Policy policy = policy("""
        rules:
          - key: LOG_INCLUDE_SENSITIVE
            scope: production/eu-west-1
            absent: true
        """);
    ScopeSnapshot production = snapshot("production",
        instance("us", "production/us-east-1").reads("LOG_INCLUDE_SENSITIVE", "true"),
        instance("eu", "production/eu-west-1").reads("LOG_INCLUDE_SENSITIVE", "true"));
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").reads("LOG_INCLUDE_SENSITIVE", "true"));

    assertThat(engine.inspect(SERVICE, production, policy, NOW))
        .extracting(Finding::kind, f -> f.a().instances())
        .containsExactly(tuple(FindingKind.RULE, List.of("eu")));
    assertThat(engine.inspect(SERVICE, staging, policy, NOW)).isEmpty();
  }

  @Test
  void anExplicitRuleAppliesEvenToANoiseKey() {
    Policy policy = policy("""
        rules:
          - key: "env:TZ"
            equals: UTC
        """);
    // TZ is not revealed; sha256 reports let a collector without the fleet key check it.
    ScopeSnapshot production = snapshot("production",
        instance("p", "production").fingerprints(UNKEYED).reads("TZ", "Europe/Berlin"));

    assertThat(engine.inspect(SERVICE, production, policy, NOW)).extracting(Finding::kind, Finding::key)
        .containsExactly(tuple(FindingKind.RULE, "TZ"));
  }

  @Test
  void maxAgeStillFiresForAnAllowedDifferenceThatOutlivedIt() {
    Instant changed = NOW.minus(Duration.ofDays(3));
    ScopeSnapshot us = snapshot("production/us-east-1", instance("u", "production/us-east-1").reads("DB_POOL_SIZE", "20"));
    ScopeSnapshot eu = snapshot("production/eu-west-1", firstSeen("DB_POOL_SIZE", "10", changed),
        instance("e", "production/eu-west-1").reads("DB_POOL_SIZE", "10"));
    Policy policy = policy("""
        allowDifferent:
          - keys: [DB_POOL_SIZE]
            reason: reduced during the EU incident
        maxAge:
          - keys: [DB_POOL_SIZE]
            scope: production/eu-west-1
            maxAge: 2d
            reason: incident tuning must be reviewed within two days
        """);

    EngineResult result = evaluate(policy, us, eu);

    assertThat(result.allowed()).extracting(Finding::kind).containsExactly(FindingKind.DIFFERENT);
    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.RULE);
      assertThat(f.a().scope()).isEqualTo("production/eu-west-1");
      assertThat(f.message()).isEqualTo("DB_POOL_SIZE=10 in production/eu-west-1 for 3 days, longer than the"
          + " allowed 2d for different drift (incident tuning must be reviewed within two days).");
    });
  }

  @Test
  void maxAgeWithAScopeIgnoresDriftElsewhere() {
    Instant changed = NOW.minus(Duration.ofDays(3));
    ScopeSnapshot dev = snapshot("dev", firstSeen("LOG_LEVEL", "DEBUG", changed),
        instance("d", "dev").reads("LOG_LEVEL", "DEBUG"));
    ScopeSnapshot staging = snapshot("staging", instance("s", "staging").reads("LOG_LEVEL", "INFO"));
    Policy policy = policy("""
        maxAge:
          - keys: [LOG_LEVEL]
            scope: production
            maxAge: PT4H
        """);

    assertThat(evaluate(policy, dev, staging).findings()).extracting(Finding::kind)
        .containsExactly(FindingKind.DIFFERENT);
  }
}
