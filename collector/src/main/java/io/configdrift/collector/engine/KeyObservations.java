package io.configdrift.collector.engine;

import io.configdrift.protocol.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one scope knows of one key: the instances whose code read it, and the instances where
 * it is only set. Groups are computed once, on first use.
 */
final class KeyObservations {
  private final List<Observation> readers = new ArrayList<>();
  private final List<Observation> holders = new ArrayList<>();
  private List<ValueGroup> groups;
  /** The report that added the last observation, to keep one observation per instance. */
  private Report lastReport;

  /**
   * Whether {@code report} has not yet said anything of this key; marks it as having said it. Keeps
   * one observation per instance when a report lists a key twice (read, and set).
   */
  boolean firstFrom(Report report) {
    if (report == lastReport) {
      return false;
    }
    lastReport = report;
    return true;
  }

  void add(Observation observation) {
    (observation.read() ? readers : holders).add(observation);
  }

  boolean read() {
    return !readers.isEmpty();
  }

  /** Every instance that knows the key, readers first. */
  List<Observation> all() {
    List<Observation> all = new ArrayList<>(readers.size() + holders.size());
    all.addAll(readers);
    all.addAll(holders);
    return all;
  }

  /**
   * The value groups that speak for the scope: those of the readers when the code reads the key
   * (what the code runs on), else those of the instances where it is only set.
   */
  List<ValueGroup> groups() {
    if (groups == null) {
      groups = ValueGroup.of(read() ? readers : holders);
    }
    return groups;
  }

  /** The scope's value: the biggest group. */
  ValueGroup dominant() {
    return groups().get(0);
  }

  /** The biggest group known to hold another value than the dominant one, if instances disagree. */
  Optional<ValueGroup> dissent() {
    List<ValueGroup> all = groups();
    Observation majority = all.get(0).representative();
    for (int i = 1; i < all.size(); i++) {
      if (Sameness.ofConfigured(majority, all.get(i).representative()) == Sameness.DIFFERENT) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  int instanceCount() {
    return readers.size() + holders.size();
  }
}
