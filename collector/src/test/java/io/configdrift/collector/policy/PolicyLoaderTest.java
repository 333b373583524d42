package io.configdrift.collector.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configdrift.collector.engine.FindingKind;
import io.configdrift.collector.engine.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
  private static String errorOf(String yaml) {
    try {
      PolicyLoader.parse(yaml, "policy.yaml");
    } catch (InvalidPolicyException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("expected the policy to be refused:\n" + yaml);
  }

  @Test
  void loadsEveryFieldFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, """
        ignore: ["env:AWS_*", BUILD_NUMBER]
        allowDifferent:
          - keys: ["*_URL"]
            environments: [staging, production]
            regions: [eu-west-1]
            kinds: [different, missing]
            reason: endpoints differ
        rules:
          - key: LOG_LEVEL
            source: env
            scope: production/eu-west-1
            equals: INFO
            reason: quiet logs
          - key: PAYMENT_MAX_RETRIES
            oneOf: [3, 5]
        maxAge:
          - keys: [LOG_LEVEL]
            scope: production
            maxAge: 1d12h
        baseline:
          - kind: read-only-in
            source: env
            key: NEW_KEY
            scopes: [staging, production]
            fingerprints: [3f2a9c1b, unset]
            reason: rolling out
        noise:
          add: ["env:MESOS_*"]
          except: ["env:TZ"]
        """);

    Policy policy = PolicyLoader.load(file);

    assertThat(policy.ignore()).extracting(KeyPattern::toString).containsExactly("env:AWS_*", "BUILD_NUMBER");
    AllowDifferent allowed = policy.allowDifferent().get(0);
    assertThat(allowed.environments()).containsExactly("staging", "production");
    assertThat(allowed.regions()).containsExactly("eu-west-1");
    assertThat(allowed.kinds()).containsExactly(FindingKind.DIFFERENT, FindingKind.MISSING);
    assertThat(allowed.reason()).isEqualTo("endpoints differ");
    Rule logLevel = policy.rules().get(0);
    assertThat(logLevel.scope()).isEqualTo(new Scope("production", "eu-west-1"));
    assertThat(logLevel.requirement()).isEqualTo(Rule.Requirement.EQUALS);
    assertThat(logLevel.appliesTo("env", "LOG_LEVEL")).isTrue();
    assertThat(logLevel.appliesTo("sysprop", "log.level")).isFalse();
    assertThat(policy.rules().get(1).allowedValues()).containsExactly("3", "5");
    assertThat(policy.maxAge().get(0).maxAge().duration()).isEqualTo(Duration.ofHours(36));
    assertThat(policy.maxAge().get(0).scope()).isEqualTo(new Scope("production", null));
    BaselineEntry accepted = policy.baseline().get(0);
    assertThat(accepted.kind()).isEqualTo(FindingKind.READ_ONLY_IN);
    assertThat(accepted.scopes()).containsExactly("staging", "production");
    assertThat(accepted.fingerprints()).containsExactly("3f2a9c1b", "unset");
    assertThat(policy.noise().add()).containsExactly(KeyPattern.parse("env:MESOS_*"));
    assertThat(policy.noise().except()).containsExactly(KeyPattern.parse("env:TZ"));
  }

  @Test
  void anEmptyFileIsAnEmptyPolicy(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("empty.yaml"), "# nothing decided yet\n");

    assertThat(PolicyLoader.load(file)).isEqualTo(Policy.empty());
    assertThat(PolicyLoader.parse("", "x")).isEqualTo(Policy.empty());
  }

  @Test
  void allowDifferentWithoutAReasonIsRefusedAtItsLine() {
    assertThat(errorOf("""
        ignore: ["env:AWS_*"]
        allowDifferent:
          - keys: ["*_URL"]
            environments: [staging, production]
        """)).isEqualTo("policy.yaml: line 3, column 5 (allowDifferent[0]): allowDifferent needs a reason:"
            + " say why [*_URL] may differ");
  }

  @Test
  void unknownFieldsAreRefusedNotIgnored() {
    assertThat(errorOf("""
        allowDiferent:
          - keys: ["*_URL"]
            reason: typo above
        """)).isEqualTo("policy.yaml: line 1, column 1 (allowDiferent): unknown field 'allowDiferent';"
            + " known fields: allowDifferent, baseline, ignore, maxAge, noise, rules");
    assertThat(errorOf("""
        rules:
          - key: LOG_LEVEL
            equal: INFO
        """)).startsWith("policy.yaml: line 3, column 5 (rules[0].equal): unknown field 'equal'; known fields:");
  }

  @Test
  void aRuleNeedsExactlyOneCondition() {
    assertThat(errorOf("""
        rules:
          - key: DB_TIMEOUT
            present: true
          - key: LOG_LEVEL
            equals: INFO
            absent: true
        """)).isEqualTo("policy.yaml: line 4, column 5 (rules[1]): rule for LOG_LEVEL needs exactly one of"
            + " equals, oneOf, absent: true, present: true (found 2)");
    assertThat(errorOf("rules: [{key: LOG_LEVEL}]"))
        .endsWith("rule for LOG_LEVEL needs exactly one of equals, oneOf, absent: true, present: true (found 0)");
    assertThat(errorOf("rules: [{key: LOG_LEVEL, absent: false}]"))
        .endsWith("rule for LOG_LEVEL: write absent: true or present: true, or leave the field out");
    assertThat(errorOf("rules: [{key: LOG_LEVEL, oneOf: []}]")).endsWith("oneOf needs at least one value");
    assertThat(errorOf("rules: [{key: \"env:A\", source: sysprop, present: true}]"))
        .endsWith("key pattern 'env:A' names source env but source: says sysprop");
  }

  @Test
  void valuesOfTheWrongShapeAreNamed() {
    assertThat(errorOf("""
        maxAge:
          - keys: [LOG_LEVEL]
            maxAge: 1 day
        """)).isEqualTo("policy.yaml: line 3, column 5 (maxAge[0].maxAge): '1 day' is not a positive duration;"
            + " write PT4H, 4h, 7d or 2w");
    assertThat(errorOf("rules:\n  - key: LOG_LEVEL\n    scope: /eu-west-1\n    equals: INFO\n"))
        .isEqualTo("policy.yaml: line 3, column 5 (rules[0].scope): a scope needs an environment,"
            + " as in production or production/eu-west-1");
    assertThat(errorOf("rules:\n  key: LOG_LEVEL\n")).isEqualTo("policy.yaml: line 1, column 1 (rules): expected a list here");
    assertThat(errorOf("rules:\n  - key: LOG_LEVEL\n    equals: [INFO]\n"))
        .isEqualTo("policy.yaml: line 3, column 5 (rules[0].equals): expected a single value here");
    assertThat(errorOf("rules:\n  - key: LOG_LEVEL\n    absent: sometimes\n"))
        .isEqualTo("policy.yaml: line 3, column 5 (rules[0].absent): expected true or false here");
    assertThat(errorOf("baseline:\n  - kind: diferent\n    key: X\n    scope: production\n"))
        .isEqualTo("policy.yaml: line 2, column 5 (baseline[0].kind): 'diferent' is not one of different, missing,"
            + " defaulted, unused, inconsistent, rule, read-only-in, shadowed");
    assertThat(errorOf("- a\n- b\n")).isEqualTo("policy.yaml: line 1, column 1: expected a mapping of fields here");
  }

  @Test
  void entriesThatCannotWorkAreRefused() {
    assertThat(errorOf("allowDifferent: [{keys: [], reason: x}]"))
        .endsWith("(allowDifferent[0]): allowDifferent needs keys: the key patterns that may differ");
    assertThat(errorOf("allowDifferent: [{keys: [A], kinds: [unused], reason: x}]"))
        .endsWith("allowDifferent cannot allow unused findings; kinds may only name different, missing,"
            + " defaulted, read-only-in");
    assertThat(errorOf("baseline: [{kind: different, key: X}]"))
        .endsWith("baseline entry for X needs either scope: (one scope) or scopes: [a, b] (two scopes)");
    assertThat(errorOf("maxAge: [{keys: [X]}]")).endsWith("maxAge entry for [X] needs maxAge, as in 1d or PT4H");
    assertThat(errorOf("ignore: [\"env:\"]")).endsWith("key pattern 'env:' names a source but no key");
  }

  @Test
  void yamlSyntaxErrorsAndDuplicateKeysAreRefused() {
    assertThat(errorOf("ignore: [a\nrules: x\n")).isEqualTo("policy.yaml: line 2, column 6: not valid YAML:"
        + " expected ',' or ']', but got : (while parsing a flow sequence that starts at line 1)");
    assertThat(errorOf("ignore: [A]\nignore: [B]\n")).contains("line 2").contains("Duplicate field 'ignore'");
  }

  @Test
  void anUnreadableFileIsOneLineNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> PolicyLoader.load(missing))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith(missing + ": cannot read the policy file");
  }

  @Test
  void policyRecordsCanBeBuiltInCodeWithTheSameChecks() {
    assertThat(Rule.equalTo("LOG_LEVEL", Scope.parse("production"), "INFO", null).describeRequirement())
        .isEqualTo("INFO");
    assertThatThrownBy(() -> new AllowDifferent(List.of(KeyPattern.parse("*_URL")), null, null, null, " "))
        .hasMessageContaining("needs a reason");
  }
}
