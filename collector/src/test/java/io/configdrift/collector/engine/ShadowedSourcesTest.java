package io.configdrift.collector.engine;

import static io.configdrift.collector.engine.TestReports.SERVICE;
import static io.configdrift.collector.engine.TestReports.instance;
import static io.configdrift.collector.engine.TestReports.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.policy.Policy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration sprawl story: a value set in several sources, and which one won. */
class ShadowedSourcesTest {
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
  private static final String FILE = "Config resource 'class path resource [application-production.yml]'";
  private final DriftEngine engine = DriftEngine.withoutFingerprintKey();

  @Test
  void aWinnerThatShadowsAnotherValueIsAFinding() {
    List<Finding> findings = engine.inspect(SERVICE, snapshot("production",
        instance("p", "production").resolves("database.pool-size", "10", "systemEnvironment", FILE, "20")),
        Policy.empty(), NOW);
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.kind()).isEqualTo(FindingKind.SHADOWED);
      assertThat(finding.a().winningSource()).isEqualTo("systemEnvironment");
      assertThat(finding.a().value()).isEqualTo("10");
      assertThat(finding.b().winningSource()).isEqualTo(FILE);
      assertThat(finding.b().value()).isEqualTo("20");
      assertThat(finding.message()).startsWith(
          "database.pool-size takes 10 from systemEnvironment in production, shadowing 20 in " + FILE);
    });
  }

  @Test
  void sourcesThatAgreeShadowNothing() {
    assertThat(engine.inspect(SERVICE, snapshot("production",
        instance("p", "production").resolves("database.pool-size", "10", "systemEnvironment", FILE, "10")),
        Policy.empty(), NOW)).isEmpty();
  }

  @Test
  void differentValuesSayWhenTheWinningSourcesDiffer() {
    List<Finding> findings = engine.compare(SERVICE,
        snapshot("staging", instance("s", "staging").resolves("database.pool-size", "20", FILE)),
        snapshot("production", instance("p", "production").resolves("database.pool-size", "10", "systemEnvironment")),
        Policy.empty(), NOW);
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.kind()).isEqualTo(FindingKind.DIFFERENT);
      assertThat(finding.message()).contains("staging takes it from " + FILE, "production from systemEnvironment");
    });
  }

  @Test
  void theMatrixCellNamesTheWinningSource() {
    Matrix matrix = new MatrixBuilder(engine).build(SERVICE, List.of(snapshot("production",
        instance("p", "production").resolves("database.pool-size", "10", "systemEnvironment", FILE, "20"))),
        Policy.empty(), NOW);
    MatrixCell cell = matrix.rows().get(0).cells().get("production");
    assertThat(cell.winningSource()).isEqualTo("systemEnvironment");
    assertThat(cell.badges()).containsExactly(FindingKind.SHADOWED);
  }
}
