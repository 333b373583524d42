package io.configdrift.collector.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  List<String> instances() {
    return members.stream().map(Observation::instance).sorted().toList();
  }

  int size() {
    return members.size();
  }

  /** Groups observations (given in instance order) by configured value, largest group first. */
  static List<ValueGroup> of(List<Observation> observations) {
    Function<Observation, String> identity = identity(observations);
    Map<String, List<Observation>> byValue = new LinkedHashMap<>();
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

  /**
   * What makes two observations "the same value" in this set: the fingerprint when every set value
   * was fingerprinted alike; else the revealed value where there is one. Without either, values of
   * different algorithms stay apart (and {@link Sameness} calls them unknown, not different).
   * Unset keys form one group of their own.
   */
  static Function<Observation, String> identity(Collection<Observation> observations) {
    boolean oneAlgorithm = observations.stream().filter(Observation::present)
        .map(Observation::algorithm).distinct().count() <= 1;
    return o -> {
      if (!o.present()) {
        return "unset";
      }
      if (oneAlgorithm) {
        return "fingerprint:" + o.fingerprint();
      }
      return o.value() != null ? "value:" + o.value() : "fingerprint:" + o.algorithm() + ":" + o.fingerprint();
    };
  }
}
