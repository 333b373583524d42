package io.configdrift.collector.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.configdrift.collector.engine.Scope;
import java.util.List;

/**
 * A requirement on a key's value in a scope: exactly one of {@code equals}, {@code oneOf},
 * {@code absent: true} or {@code present: true}.
 *
 * @param key key pattern, optionally {@code source:}-qualified
 * @param source limits the rule to one source (same as qualifying the key)
 * @param scope where the rule holds ({@code production} or {@code production/eu-west-1}); null =
 *     everywhere
 * @param equals the one value allowed
 * @param oneOf the values allowed
 * @param absent true: the key must not be set
 * @param present true: the key must be set wherever the code reads it
 * @param reason why, quoted in findings; optional
 */
public record Rule(KeyPattern key, String source, @JsonDeserialize(using = ScopeText.class) Scope scope,
    String equals, List<String> oneOf, Boolean absent, Boolean present, String reason) {

  /** What a rule demands. */
  public enum Requirement { EQUALS, ONE_OF, ABSENT, PRESENT }

  public Rule {
    if (key == null) {
      throw new IllegalArgumentException("a rule needs a key");
    }
    key = key.withSource(source);
    oneOf = oneOf == null ? null : List.copyOf(oneOf);
    if (Boolean.FALSE.equals(absent) || Boolean.FALSE.equals(present)) {
      throw new IllegalArgumentException("rule for " + key
          + ": write absent: true or present: true, or leave the field out");
    }
    int conditions = (equals != null ? 1 : 0) + (oneOf != null ? 1 : 0)
        + (absent != null ? 1 : 0) + (present != null ? 1 : 0);
    if (conditions != 1) {
      throw new IllegalArgumentException("rule for " + key
          + " needs exactly one of equals, oneOf, absent: true, present: true (found " + conditions + ")");
    }
    if (oneOf != null && oneOf.isEmpty()) {
      throw new IllegalArgumentException("rule for " + key + ": oneOf needs at least one value");
    }
  }

  public static Rule equalTo(String key, Scope scope, String value, String reason) {
    return new Rule(KeyPattern.parse(key), null, scope, value, null, null, null, reason);
  }

  public Requirement requirement() {
    if (equals != null) {
      return Requirement.EQUALS;
    }
    if (oneOf != null) {
      return Requirement.ONE_OF;
    }
    return absent != null ? Requirement.ABSENT : Requirement.PRESENT;
  }

  /** The values allowed by {@code equals} or {@code oneOf}; empty for absent/present rules. */
  public List<String> allowedValues() {
    return equals != null ? List.of(equals) : oneOf != null ? oneOf : List.of();
  }

  public boolean appliesTo(String keySource, String keyName) {
    return key.matches(keySource, keyName);
  }

  public boolean appliesIn(String environment, String region) {
    return ScopeText.within(scope, environment, region);
  }

  /** What the rule demands, as words for a message: "INFO", "one of [INFO, WARN]", "absent". */
  public String describeRequirement() {
    return switch (requirement()) {
      case EQUALS -> equals;
      case ONE_OF -> "one of " + oneOf;
      case ABSENT -> "it to be absent";
      case PRESENT -> "it to be set";
    };
  }
}
