package io.configdrift.agent.recorder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a framework-level key's value came from: the winning source, and every other source that
 * defines the key too (shadowed, in the framework's order of precedence). Looked up on a key's first
 * read and whenever its value changes, worked out on the reporter thread ({@link PendingProvenance});
 * holds plain values, so never log it.
 */
public final class Provenance {
  /** The value this provenance was worked out for. */
  final String forValue;
  /** The winning definition; null when the key is not set, or the provenance is unknown. */
  public final Definition winner;
  /** The shadowed definitions; null when the provenance is unknown (the framework could not be inspected). */
  public final List<Definition> candidates;

  private Provenance(String forValue, Definition winner, List<Definition> candidates) {
    this.forValue = forValue;
    this.winner = winner;
    this.candidates = candidates == null ? null : Collections.unmodifiableList(candidates);
  }

  /** The framework's objects could not be inspected for {@code value}; not tried again until the value changes. */
  public static Provenance unknown(String value) {
    return new Provenance(value, null, null);
  }

  /**
   * From every definition of the key in order of precedence: the first one won unless
   * {@code winner} names another.
   */
  public static Provenance of(String value, Definition winner, List<Definition> definitions) {
    List<Definition> others = new ArrayList<>(definitions);
    Definition won = winner;
    if (won == null && !others.isEmpty()) {
      won = others.get(0);
    }
    others.remove(won);
    return new Provenance(value, won, others);
  }

  boolean isFor(String value) {
    return sameValue(value, forValue);
  }

  /** Identity settles most comparisons: reads of an unchanged key return the same String. */
  static boolean sameValue(String value, String other) {
    return value == other || Objects.equals(value, other);
  }

  /** One source's definition of the key. */
  public static final class Definition {
    public final String source;
    /** The plain value as the source holds it; never log it. */
    public final String value;
    public final String origin;
    /** The source's ordinal where the framework has them (MicroProfile Config), else null. */
    public final Integer ordinal;

    public Definition(String source, String value, String origin, Integer ordinal) {
      this.source = source;
      this.value = value;
      this.origin = origin;
      this.ordinal = ordinal;
    }
  }
}
