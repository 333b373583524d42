package io.configdrift.collector.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

  static List<Finding> compare(ScopeIndex a, ScopeIndex b) {
    Set<ConfigKey> keys = new TreeSet<>(a.keys());
    keys.addAll(b.keys());
    List<Finding> findings = new ArrayList<>();
    for (ConfigKey key : keys) {
      Finding finding = compareKey(key, a, b);
      if (finding != null) {
        findings.add(finding);
      }
    }
    return findings;
  }

  private static Finding compareKey(ConfigKey key, ScopeIndex a, ScopeIndex b) {
    KeyObservations inA = a.get(key);
    KeyObservations inB = b.get(key);
    boolean readInA = inA != null && inA.read();
    boolean readInB = inB != null && inB.read();
    if (!readInA && !readInB) {
      return null;
    }
    Side sideA = a.scopeSide(key);
    Side sideB = b.scopeSide(key);
    Instant since = Timestamps.later(sideA.since(), sideB.since());
    if (sideA.present() && sideB.present()) {
      // Only a value both sides' code reads is drift the code feels; a set-but-unread side is read-only-in below.
      if (readInA && readInB && sameness(inA, inB) == Sameness.DIFFERENT) {
        return different(key, sideA, sideB, since);
      }
    } else if (sideA.present() != sideB.present()) {
      boolean aLacks = !sideA.present();
      boolean lackingSideReads = aLacks ? readInA : readInB;
      if (lackingSideReads && sameness(inA, inB) == Sameness.DIFFERENT) {
        return unsetOnOneSide(key, aLacks ? sideA : sideB, aLacks ? sideB : sideA, sideA, sideB, since);
      }
    } else if (readInA && readInB) {
      return null; // unset in both: the configuration agrees, whatever the code defaults are
    }
    if (readInA != readInB) {
      return readOnlyIn(key, readInA ? a : b, readInA ? b : a, sideA, sideB, since);
    }
    return null;
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

  private static Finding unsetOnOneSide(ConfigKey key, Side lacking, Side setter, Side sideA, Side sideB,
      Instant since) {
    if (lacking.defaultUsed()) {
      return new Finding(FindingKind.DEFAULTED, key.source(), key.key(), sideA, sideB, since,
          FindingMessages.defaulted(key.key(), lacking, setter, since));
    }
    return new Finding(FindingKind.MISSING, key.source(), key.key(), sideA, sideB, since,
        FindingMessages.missing(key.key(), lacking, setter, since));
  }

  private static Finding readOnlyIn(ConfigKey key, ScopeIndex reader, ScopeIndex other, Side sideA,
      Side sideB, Instant since) {
    Side readerSide = reader.name().equals(sideA.scope()) ? sideA : sideB;
    Side otherSide = readerSide == sideA ? sideB : sideA;
    return new Finding(FindingKind.READ_ONLY_IN, key.source(), key.key(), sideA, sideB, since,
        FindingMessages.readOnlyIn(key.key(), readerSide, otherSide, reader.versions(), other.versions(), since));
  }
}
