package io.configdrift.collector.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Instances that hold the same configured value of one key; {@code representative} stands for all
 * of them (the first by instance name).
 */
record ValueGroup(Observation representative, List<Observation> members) {
  /** Biggest group first; on a tie a set value before "unset", then by fingerprint: deterministic. */
  private static final Comparator<ValueGroup> LARGEST_FIRST = Comparator
      .comparingInt((ValueGroup g) -> -g.members().size())
      .thenComparing(g -> !g.representative().present())
      .thenComparing(g -> String.valueOf(g.representative().fingerprint()));

  private static final Object UNSET = new Object();

  List<String> instances() {
    return members.stream().map(Observation::instance).sorted().toList();
  }

  /** Groups observations (given in instance order) by configured value, largest group first. */
  static List<ValueGroup> of(List<Observation> observations) {
    if (observations.isEmpty()) {
      return List.of();
    }
    Function<Observation, Object> identity = identity(observations);
    Object first = identity.apply(observations.get(0));
    if (allEqual(observations, identity, first)) {
      // The usual case, instances agree: no map needed.
      return List.of(new ValueGroup(observations.get(0), List.copyOf(observations)));
    }
    Map<Object, List<Observation>> byValue = new LinkedHashMap<>();
    for (Observation observation : observations) {
      byValue.computeIfAbsent(identity.apply(observation), k -> new ArrayList<>()).add(observation);
    }
    List<ValueGroup> groups = new ArrayList<>(byValue.size());
    for (List<Observation> members : byValue.values()) {
      groups.add(new ValueGroup(members.get(0), List.copyOf(members)));
    }
    groups.sort(LARGEST_FIRST);
    return groups;
  }

  private static boolean allEqual(List<Observation> observations, Function<Observation, Object> identity, Object first) {
    for (int i = 1; i < observations.size(); i++) {
      if (!first.equals(identity.apply(observations.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * What makes two observations "the same value" in this set: the fingerprint when every set value
   * was fingerprinted alike; else the revealed value where there is one. Without either, values of
   * different algorithms stay apart (and {@link Sameness} calls them unknown, not different).
   * Unset keys form one group of their own.
   */
  static Function<Observation, Object> identity(Collection<Observation> observations) {
    if (oneAlgorithm(observations)) {
      return o -> o.present() ? o.fingerprint() : UNSET;
    }
    return o -> !o.present() ? UNSET
        : o.value() != null ? List.of("value", o.value())
        : List.of("fingerprint", o.algorithm(), String.valueOf(o.fingerprint()));
  }

  private static boolean oneAlgorithm(Collection<Observation> observations) {
    String algorithm = null;
    for (Observation observation : observations) {
      if (observation.present()) {
        if (algorithm == null) {
          algorithm = observation.algorithm();
        } else if (!Objects.equals(algorithm, observation.algorithm())) {
          return false;
        }
      }
    }
    return true;
  }
}
