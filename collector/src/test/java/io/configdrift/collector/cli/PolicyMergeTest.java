package io.configdrift.collector.cli;

import static io.configdrift.collector.engine.TestReports.instance;
import static io.configdrift.collector.engine.TestReports.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.engine.EngineResult;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.collector.engine.TestReports;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding baseline entries to a policy file's text, keeping what the team wrote. */
class PolicyMergeTest {
  private static final DriftEngine ENGINE = DriftEngine.withoutFingerprintKey();
  private static final List<ScopeSnapshot> SCOPES = List.of(
      snapshot("staging", instance("s1", "staging").reads("DB_TIMEOUT", "30s").reads("LOG_LEVEL", "INFO")),
      snapshot("production", instance("p1", "production").reads("DB_TIMEOUT", "60s").reads("LOG_LEVEL", "DEBUG")));

  private static EngineResult evaluate(Policy policy) {
    return ENGINE.evaluate(TestReports.SERVICE, SCOPES, policy, TestReports.START.plusSeconds(3600));
  }

  private static List<Finding> findings() {
    return evaluate(Policy.empty()).findings();
  }

  @Test
  void entriesGoAtTheEndOfTheBaselineSectionIndentedLikeItsEntries() {
    String policy = """
        # Our decisions
        ignore:
          - "env:AWS_*"

        baseline:
        - kind: unused
          key: OLD_FLAG
          scope: production
          reason: removed next release
        # platform keys we compare after all
        noise:
          except: ["env:TZ"]
        """;

    String merged = PolicyMerge.addBaseline(policy, findings(), "PAY-812", "policy.yaml");

    assertThat(merged).startsWith("""
        # Our decisions
        ignore:
          - "env:AWS_*"

        baseline:
        - kind: unused
          key: OLD_FLAG
          scope: production
          reason: removed next release
        - kind: different
          source: env
          key: DB_TIMEOUT
        """).endsWith("""
          reason: PAY-812
        # platform keys we compare after all
        noise:
          except: ["env:TZ"]
        """);
    Policy loaded = PolicyLoader.parse(merged, "policy.yaml");
    assertThat(loaded.baseline()).hasSize(3);
    assertThat(loaded.noise().except()).hasSize(1);
    EngineResult result = evaluate(loaded);
    assertThat(result.findings()).isEmpty();
    assertThat(result.baselined()).hasSize(2);
  }

  @Test
  void aPolicyWithoutABaselineGetsOneAtTheEnd() {
    String merged = PolicyMerge.addBaseline("ignore:\n  - BUILD_NUMBER\n\n\n", findings(), null, "policy.yaml");

    assertThat(merged).startsWith("ignore:\n  - BUILD_NUMBER\n\nbaseline:\n  - kind: different\n");
    assertThat(evaluate(PolicyLoader.parse(merged, "policy.yaml")).findings()).isEmpty();
  }

  @Test
  void anEmptyInlineBaselineBecomesABlockList() {
    String merged = PolicyMerge.addBaseline("baseline: []  # nothing yet\n", findings(), null, "policy.yaml");

    assertThat(merged).startsWith("baseline: # nothing yet\n  - kind: different\n");
    assertThat(evaluate(PolicyLoader.parse(merged, "policy.yaml")).findings()).isEmpty();
  }

  @Test
  void anInlineBaselineWithEntriesIsRefusedRatherThanRewritten() {
    assertThatThrownBy(() -> PolicyMerge.addBaseline("baseline: [{kind: unused, key: X, scope: staging}]\n",
        findings(), null, "policy.yaml"))
        .isInstanceOf(CliException.class)
        .hasMessageStartingWith("policy.yaml: line 1 writes the baseline inline");
  }

  @Test
  void nothingToAcceptLeavesThePolicyAsItWas() {
    String policy = "# as it was\nignore: [BUILD_NUMBER]\n";

    assertThat(PolicyMerge.addBaseline(policy, List.of(), "r", "policy.yaml")).isSameAs(policy);
  }
}
