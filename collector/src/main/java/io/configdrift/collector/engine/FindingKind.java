package io.configdrift.collector.engine;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of drift the engine reports; their names are part of the API and the CLI output. */
public enum FindingKind {
  /** Read in both scopes, with different values. */
  DIFFERENT("different"),
  /** Read in one scope where it is not set, while it is set in the other. */
  MISSING("missing"),
  /** One scope runs on the code's default, the other sets the key explicitly. */
  DEFAULTED("defaulted"),
  /** Set in a scope but read by no live instance there. */
  UNUSED("unused"),
  /** Live instances inside one scope disagree. */
  INCONSISTENT("inconsistent"),
  /** A value breaks a rule of the policy. */
  RULE("rule"),
  /** The code in one scope reads a key that the code in the other never reads. */
  READ_ONLY_IN("read-only-in"),
  /** Several sources of one scope define a framework-level key with different values; one wins. */
  SHADOWED("shadowed");

  private final String wireName;

  FindingKind(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static FindingKind fromWireName(String name) {
    for (FindingKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown finding kind: " + name);
  }
}
