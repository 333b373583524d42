package io.configdrift.collector.engine;

import io.configdrift.collector.policy.Policy;
import io.configdrift.protocol.Fingerprinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the {@link Matrix} of a service from its scopes, with the engine's findings as badges.
 * Each scope is indexed once; the work is linear in reads plus keys times pairs of scopes.
 */
public final class MatrixBuilder {
  private final DriftEngine engine;

  public MatrixBuilder(DriftEngine engine) {
    this.engine = engine;
  }

  public Matrix build(String service, List<ScopeSnapshot> snapshots, Policy policy, Instant now) {
    List<ScopeIndex> scopes = new ArrayList<>(snapshots.size());
    Set<ConfigKey> keys = new TreeSet<>();
    for (ScopeSnapshot snapshot : snapshots) {
      ScopeIndex index = ScopeIndex.of(service, snapshot);
      scopes.add(index);
      keys.addAll(index.keys());
    }
    Badges badges = Badges.of(engine.evaluate(scopes, policy, now).findings());
    NoiseFilter noise = NoiseFilter.with(policy.noise());

    List<MatrixRow> rows = new ArrayList<>(keys.size());
    for (ConfigKey key : keys) {
      boolean muted = noise.isNoise(key.source(), key.key()) || policy.ignores(key.source(), key.key());
      rows.add(new MatrixRow(key.source(), key.key(), badges.anyFor(key), muted, cells(key, scopes, badges)));
    }
    return new Matrix(service, scopes.stream().map(ScopeIndex::name).toList(), rows);
  }

  private static Map<String, MatrixCell> cells(ConfigKey key, List<ScopeIndex> scopes, Badges badges) {
    Map<ScopeIndex, KeyObservations> known = new LinkedHashMap<>();
    List<Observation> representatives = new ArrayList<>();
    for (ScopeIndex scope : scopes) {
      KeyObservations observations = scope.get(key);
      if (observations != null) {
        known.put(scope, observations);
        representatives.add(observations.dominant().representative());
      }
    }
    Function<Observation, Object> identity = ValueGroup.identity(representatives);
    Map<Object, Integer> groupNumbers = new HashMap<>();
    Map<String, MatrixCell> cells = new LinkedHashMap<>();
    for (Map.Entry<ScopeIndex, KeyObservations> entry : known.entrySet()) {
      KeyObservations observations = entry.getValue();
      Observation value = observations.dominant().representative();
      int group = groupNumbers.computeIfAbsent(identity.apply(value), k -> groupNumbers.size());
      String scope = entry.getKey().name();
      cells.put(scope, new MatrixCell(observations.read(), value.present(), value.value(),
          value.fingerprint(), Fingerprinter.shortForm(value.fingerprint()), value.defaultUsed(),
          value.defaultValue(), group, observations.instanceCount(), observations.dissent().isPresent(),
          badges.forCell(scope, key), value.winningSource(), value.origin()));
    }
    return cells;
  }

  /** Which finding kinds point at which cell. */
  private static final class Badges {
    private final Map<String, Map<ConfigKey, Set<FindingKind>>> byScope = new HashMap<>();
    private final Set<ConfigKey> keysWithFindings = new HashSet<>();

    static Badges of(List<Finding> findings) {
      Badges badges = new Badges();
      for (Finding finding : findings) {
        ConfigKey key = new ConfigKey(finding.source(), finding.key());
        badges.keysWithFindings.add(key);
        Side side = badgedSide(finding);
        if (side != null) {
          badges.byScope.computeIfAbsent(side.scope(), s -> new HashMap<>())
              .computeIfAbsent(key, k -> EnumSet.noneOf(FindingKind.class)).add(finding.kind());
        }
      }
      return badges;
    }

    /** The side a finding is about: the one lacking the value, the one reading, the offending one. */
    private static Side badgedSide(Finding finding) {
      return switch (finding.kind()) {
        case DIFFERENT -> null; // the cells' colours already show it
        case MISSING, DEFAULTED -> finding.a().present() ? finding.b() : finding.a();
        case READ_ONLY_IN -> finding.a().read() ? finding.a() : finding.b();
        case UNUSED, INCONSISTENT, RULE, SHADOWED -> finding.a();
      };
    }

    boolean anyFor(ConfigKey key) {
      return keysWithFindings.contains(key);
    }

    List<FindingKind> forCell(String scope, ConfigKey key) {
      Set<FindingKind> kinds = byScope.getOrDefault(scope, Map.of()).get(key);
      return kinds == null ? List.of() : List.copyOf(kinds);
    }
  }
}
