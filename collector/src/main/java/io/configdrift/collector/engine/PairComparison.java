package io.configdrift.collector.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings between two scopes, key by key, from each scope's dominant value:
 *
 * <ul>
 *   <li>both read it, both set it, values differ: {@code different};
 *   <li>one sets it, the other reads it unset: {@code defaulted} if the code there fell back to a
 *       default (and the default is not the very value the other side sets), else {@code missing};
 *       the setting side need not read it itself;
 *   <li>one reads it, the other never does, and it is not one of the cases above:
 *       {@code read-only-in};
 *   <li>both unset, or neither reads it: nothing here (unused settings are a single-scope finding).
 * </ul>
 *
 * So each key gives at most one finding per pair of scopes.
 */
final class PairComparison {
  private PairComparison() {}

  /** In no particular order: the engine sorts all findings once. */
  static List<Finding> compare(ScopeIndex a, ScopeIndex b) {
    List<Finding> findings = new ArrayList<>();
    for (ConfigKey key : a.keys()) {
      addIfAny(findings, compareKey(key, a, b));
    }
    for (ConfigKey key : b.keys()) {
      if (a.get(key) == null) {
        addIfAny(findings, compareKey(key, a, b));
      }
    }
    return findings;
  }

  private static void addIfAny(List<Finding> findings, Finding finding) {
    if (finding != null) {
      findings.add(finding);
    }
  }

  private static Finding compareKey(ConfigKey key, ScopeIndex a, ScopeIndex b) {
    FindingKind kind = classify(a.get(key), b.get(key));
    if (kind == null) {
      return null;
    }
    Side sideA = a.scopeSide(key);
    Side sideB = b.scopeSide(key);
    Instant since = Timestamps.later(sideA.since(), sideB.since());
    return switch (kind) {
      case DIFFERENT -> different(key, sideA, sideB, since);
      case MISSING, DEFAULTED -> unsetOnOneSide(key, kind, sideA, sideB, since);
      case READ_ONLY_IN -> readOnlyIn(key, a, b, sideA, sideB, since);
      default -> throw new IllegalStateException(kind + " is not a kind between scopes");
    };
  }

  /** Which finding the key gives between the scopes, if any; null-safe for a scope that does not know the key. */
  private static FindingKind classify(KeyObservations inA, KeyObservations inB) {
    boolean readInA = inA != null && inA.read();
    boolean readInB = inB != null && inB.read();
    if (!readInA && !readInB) {
      return null;
    }
    boolean setInA = inA != null && inA.dominant().representative().present();
    boolean setInB = inB != null && inB.dominant().representative().present();
    if (setInA && setInB) {
      // Only a value both sides' code reads is drift the code feels; a set-but-unread side is read-only-in below.
      if (readInA && readInB) {
        return sameness(inA, inB) == Sameness.DIFFERENT ? FindingKind.DIFFERENT : null;
      }
    } else if (setInA != setInB) {
      KeyObservations lacking = setInA ? inB : inA;
      boolean lackingSideReads = setInA ? readInB : readInA;
      if (lackingSideReads && sameness(inA, inB) == Sameness.DIFFERENT) {
        return lacking.dominant().representative().defaultUsed() ? FindingKind.DEFAULTED : FindingKind.MISSING;
      }
    } else if (readInA && readInB) {
      return null; // unset in both: the configuration agrees, whatever the code defaults are
    }
    return readInA != readInB ? FindingKind.READ_ONLY_IN : null;
  }

  private static Sameness sameness(KeyObservations inA, KeyObservations inB) {
    return Sameness.ofConfigured(inA.dominant().representative(), inB.dominant().representative());
  }

  private static Finding different(ConfigKey key, Side sideA, Side sideB, Instant since) {
    // Name the newer value first: that is usually the one somebody changed.
    boolean bChangedLater = sideB.since() != null && (sideA.since() == null || sideB.since().isAfter(sideA.since()));
    String message = bChangedLater ? FindingMessages.different(key.key(), sideB, sideA, since)
        : FindingMessages.different(key.key(), sideA, sideB, since);
    return new Finding(FindingKind.DIFFERENT, key.source(), key.key(), sideA, sideB, since, message);
  }

  private static Finding unsetOnOneSide(ConfigKey key, FindingKind kind, Side sideA, Side sideB, Instant since) {
    Side lacking = sideA.present() ? sideB : sideA;
    Side setter = lacking == sideA ? sideB : sideA;
    if (kind == FindingKind.DEFAULTED) {
      return new Finding(FindingKind.DEFAULTED, key.source(), key.key(), sideA, sideB, since,
          FindingMessages.defaulted(key.key(), lacking, setter, since));
    }
    return new Finding(FindingKind.MISSING, key.source(), key.key(), sideA, sideB, since,
        FindingMessages.missing(key.key(), lacking, setter, since));
  }

  private static Finding readOnlyIn(ConfigKey key, ScopeIndex a, ScopeIndex b, Side sideA, Side sideB,
      Instant since) {
    boolean aReads = sideA.read();
    String message = aReads
        ? FindingMessages.readOnlyIn(key.key(), sideA, sideB, a.versions(), b.versions(), since)
        : FindingMessages.readOnlyIn(key.key(), sideB, sideA, b.versions(), a.versions(), since);
    return new Finding(FindingKind.READ_ONLY_IN, key.source(), key.key(), sideA, sideB, since, message);
  }
}
