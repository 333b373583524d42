package io.configdrift.collector.policy;

import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.FindingKind;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One accepted, known drift. A finding matches when its kind, key, source (if given) and scopes are
 * the same and, if {@code fingerprints} are given, its sides still hold those values: a new value
 * is new drift and shows again.
 *
 * @param kind the finding kind
 * @param source the key's source; null = any
 * @param key the exact key
 * @param scopes the two compared scopes, in any order (for findings between scopes)
 * @param scope the one scope (for single-scope findings: unused, inconsistent, rule)
 * @param fingerprints the sides' fingerprints (a prefix such as the first 8 characters is enough;
 *     {@value #UNSET} for a side where the key is not set), in any order; empty = any values
 * @param reason why the drift is accepted; optional
 */
public record BaselineEntry(FindingKind kind, String source, String key, List<String> scopes,
    String scope, List<String> fingerprints, String reason) {
  /** Stands for "not set" in {@code fingerprints}. */
  public static final String UNSET = "unset";

  public BaselineEntry {
    if (kind == null || key == null || key.isBlank()) {
      throw new IllegalArgumentException("a baseline entry needs a kind and a key");
    }
    scopes = PolicyLists.copy(scopes).stream().map(s -> Scope.parse(s).toString()).toList();
    if (scope != null) {
      scope = Scope.parse(scope).toString();
    }
    if (scopes.isEmpty() == (scope == null) || scopes.size() > 2) {
      throw new IllegalArgumentException("baseline entry for " + key
          + " needs either scope: (one scope) or scopes: [a, b] (two scopes)");
    }
    fingerprints = PolicyLists.copy(fingerprints);
  }

  public boolean matches(Finding finding) {
    return finding.kind() == kind
        && key.equals(finding.key())
        && (source == null || source.equals(finding.source()))
        && scopeSet().equals(scopesOf(finding))
        && (fingerprints.isEmpty() || fingerprintsMatch(finding));
  }

  private Set<String> scopeSet() {
    return scope != null ? Set.of(scope) : new TreeSet<>(scopes);
  }

  static Set<String> scopesOf(Finding finding) {
    Set<String> out = new TreeSet<>();
    for (Side side : sidesOf(finding)) {
      out.add(side.scope());
    }
    return out;
  }

  static List<Side> sidesOf(Finding finding) {
    List<Side> sides = new ArrayList<>(2);
    if (finding.a() != null) {
      sides.add(finding.a());
    }
    if (finding.b() != null) {
      sides.add(finding.b());
    }
    return sides;
  }

  /** Each side's fingerprint must start with a listed prefix, each prefix used once. */
  private boolean fingerprintsMatch(Finding finding) {
    List<Side> sides = sidesOf(finding);
    if (sides.size() != fingerprints.size()) {
      return false;
    }
    List<String> unclaimed = new ArrayList<>(fingerprints);
    for (Side side : sides) {
      int match = indexOfMatch(unclaimed, side.fingerprint());
      if (match < 0) {
        return false;
      }
      unclaimed.remove(match);
    }
    return true;
  }

  private static int indexOfMatch(List<String> listed, String fingerprint) {
    for (int i = 0; i < listed.size(); i++) {
      String prefix = listed.get(i);
      boolean fits = fingerprint == null ? UNSET.equals(prefix)
          : !UNSET.equals(prefix) && !prefix.isEmpty() && fingerprint.startsWith(prefix);
      if (fits) {
        return i;
      }
    }
    return -1;
  }
}
