package io.configdrift.collector.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example in docs/policy.md is a policy the loader accepts, and says what the page claims. */
class PolicyDocsTest {
  @Test
  void everyYamlExampleLoads() {
    List<String> blocks = PolicyDocs.yamlBlocks();

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(7);
    for (int i = 0; i < blocks.size(); i++) {
      PolicyLoader.parse(blocks.get(i), "docs/policy.md example " + (i + 1));
    }
  }

  @Test
  void theCompleteExampleHoldsTheSeedStories() {
    Policy policy = PolicyDocs.completeExample();

    assertThat(policy.rules()).extracting(r -> r.key().toString(), Rule::requirement).contains(
        org.assertj.core.api.Assertions.tuple("LOG_LEVEL", Rule.Requirement.EQUALS),
        org.assertj.core.api.Assertions.tuple("LOG_INCLUDE_SENSITIVE", Rule.Requirement.ABSENT));
    assertThat(policy.allowDifferent().get(0).keys()).extracting(KeyPattern::toString).contains("*_URL");
    assertThat(policy.maxAge().get(0).maxAge().toString()).isEqualTo("1d");
    assertThat(policy.maxAge().get(0).keys()).extracting(KeyPattern::toString).contains("LOG_LEVEL");
  }

  @Test
  void theErrorsShownAreTheErrorsGiven() throws Exception {
    String page = java.nio.file.Files.readString(PolicyDocs.file());

    assertThat(page).contains(messageFor("""
        ignore: ["env:AWS_*"]
        allowDifferent:
          - keys: ["*_URL"]
            environments: [staging, production]
        """));
    assertThat(page).contains(messageFor("allowDiferent:\n  - keys: [\"*_URL\"]\n    reason: typo\n"));
    assertThat(page).contains(messageFor("""
        rules:
          - key: DB_TIMEOUT
            present: true
          - key: LOG_LEVEL
            equals: INFO
            absent: true
        """));
  }

  private static String messageFor(String yaml) {
    try {
      PolicyLoader.parse(yaml, "policy.yaml");
      throw new AssertionError("expected an error for\n" + yaml);
    } catch (InvalidPolicyException e) {
      return e.getMessage();
    }
  }
}
