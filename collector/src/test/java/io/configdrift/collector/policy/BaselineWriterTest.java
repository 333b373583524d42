package io.configdrift.collector.policy;

import static io.configdrift.collector.engine.TestReports.SERVICE;
import static io.configdrift.collector.engine.TestReports.fp;
import static io.configdrift.collector.engine.TestReports.instance;
import static io.configdrift.collector.engine.TestReports.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.engine.EngineResult;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.FindingKind;
import io.configdrift.collector.engine.ScopeSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineWriterTest {
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
  private final DriftEngine engine = DriftEngine.withoutFingerprintKey();

  private final ScopeSnapshot staging = snapshot("staging",
      instance("s1", "staging").reads("PAYMENT_TIMEOUT", "30").readsUnset("INVENTORY_SERVICE_URL")
          .reads("LOG_LEVEL", "INFO"));
  private final ScopeSnapshot production = snapshot("production",
      instance("p1", "production").reads("PAYMENT_TIMEOUT", "60").reads("INVENTORY_SERVICE_URL", "http://inv")
          .reads("LOG_LEVEL", "DEBUG").sets("ENABLE_NEW_CHECKOUT", "true"),
      instance("p2", "production").reads("PAYMENT_TIMEOUT", "60").reads("INVENTORY_SERVICE_URL", "http://inv")
          .reads("LOG_LEVEL", "INFO"));
  private final Policy rules = PolicyLoader.parse("""
      rules:
        - key: LOG_LEVEL
          scope: production
          equals: INFO
      """, "rules");

  private List<Finding> findingsToday() {
    return engine.compare(SERVICE, staging, production, rules, NOW);
  }

  @Test
  void aBaselineWrittenFromTodaysFindingsSuppressesExactlyThem() {
    List<Finding> today = findingsToday();
    assertThat(today).extracting(Finding::kind).contains(FindingKind.DIFFERENT, FindingKind.MISSING,
        FindingKind.UNUSED, FindingKind.INCONSISTENT, FindingKind.RULE);

    String yaml = BaselineWriter.write(today, "accepted when configdrift was introduced");
    Policy withBaseline = rules.withBaseline(PolicyLoader.parse(yaml, "baseline.yaml").baseline());

    EngineResult tomorrow = engine.evaluate(SERVICE, List.of(staging, production), withBaseline, NOW);
    assertThat(tomorrow.findings()).isEmpty();
    assertThat(tomorrow.baselined()).containsExactlyElementsOf(today);
    assertThat(tomorrow.baselinedCount()).isEqualTo(today.size());
  }

  @Test
  void aValueThatChangesAfterTheBaselineShowsAgain() {
    Policy withBaseline = rules.withBaseline(BaselineWriter.entriesFor(findingsToday(), null));
    ScopeSnapshot productionLater = snapshot("production",
        instance("p1", "production").reads("PAYMENT_TIMEOUT", "90").reads("INVENTORY_SERVICE_URL", "http://inv")
            .reads("LOG_LEVEL", "DEBUG").sets("ENABLE_NEW_CHECKOUT", "true"),
        instance("p2", "production").reads("PAYMENT_TIMEOUT", "90").reads("INVENTORY_SERVICE_URL", "http://inv")
            .reads("LOG_LEVEL", "INFO"));

    EngineResult later = engine.evaluate(SERVICE, List.of(staging, productionLater), withBaseline, NOW);

    assertThat(later.findings()).extracting(Finding::kind, Finding::key)
        .containsExactly(org.assertj.core.api.Assertions.tuple(FindingKind.DIFFERENT, "PAYMENT_TIMEOUT"));
  }

  @Test
  void writesReadableYamlWithShortFingerprints() {
    Finding different = findingsToday().stream().filter(f -> f.kind() == FindingKind.DIFFERENT).findFirst().orElseThrow();
    Finding unused = findingsToday().stream().filter(f -> f.kind() == FindingKind.UNUSED).findFirst().orElseThrow();

    String yaml = BaselineWriter.write(List.of(different, unused, different), "known");

    assertThat(yaml).isEqualTo("""
        baseline:
          - kind: different
            source: env
            key: PAYMENT_TIMEOUT
            scopes:
              - staging
              - production
            fingerprints:
              - %s
              - %s
            reason: known
          - kind: unused
            source: env
            key: ENABLE_NEW_CHECKOUT
            scope: production
            fingerprints:
              - %s
            reason: known
        """.formatted(fp("30").substring(0, 8), fp("60").substring(0, 8), fp("true").substring(0, 8)));
  }

  @Test
  void anUnsetSideIsWrittenAsUnset() {
    Finding missing = findingsToday().stream().filter(f -> f.kind() == FindingKind.MISSING).findFirst().orElseThrow();

    assertThat(BaselineWriter.entryFor(missing, null).fingerprints())
        .containsExactlyInAnyOrder(BaselineEntry.UNSET, fp("http://inv").substring(0, 8));
  }
}
