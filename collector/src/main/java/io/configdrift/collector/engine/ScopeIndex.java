package io.configdrift.collector.engine;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scope's reports, indexed by key once so that every check is a map look-up rather than a scan
 * of all reports.
 */
final class ScopeIndex {
  private final ScopeSnapshot snapshot;
  private final String scopeName;
  private final Map<ConfigKey, KeyObservations> keys = new HashMap<>();
  /** A group's side is asked for by every pair of scopes it differs in; work it out once. */
  private final Map<ValueGroup, Side> sides = new IdentityHashMap<>();

  private ScopeIndex(ScopeSnapshot snapshot) {
    this.snapshot = snapshot;
    this.scopeName = snapshot.scope().toString();
  }

  static ScopeIndex of(String service, ScopeSnapshot snapshot) {
    ScopeIndex index = new ScopeIndex(snapshot);
    List<Report> reports = new ArrayList<>(snapshot.reports());
    // Instance order decides which instance represents a group; sort so results never depend on storage order.
    reports.sort(Comparator.comparing((Report r) -> String.valueOf(r.instance)));
    for (Report report : reports) {
      if (report.service != null && !report.service.equals(service)) {
        throw new IllegalArgumentException("scope " + index.scopeName + " holds a report of service "
            + report.service + ", not " + service);
      }
      index.add(report);
    }
    return index;
  }

  private void add(Report report) {
    Instant startedAt = Timestamps.parse(report.startedAt);
    for (ReadRecord read : report.reads) {
      KeyObservations observations = observations(new ConfigKey(read.source, read.key));
      if (observations.firstFrom(report)) {
        observations.add(Observation.ofRead(report, startedAt, read));
      }
    }
    // Reads come first: a key the code read is already known, with more detail, from its read record.
    for (AvailableRecord available : report.available) {
      KeyObservations observations = observations(new ConfigKey(available.source, available.key));
      if (observations.firstFrom(report)) {
        observations.add(Observation.ofAvailable(report, startedAt, available));
      }
    }
  }

  private KeyObservations observations(ConfigKey key) {
    return keys.computeIfAbsent(key, k -> new KeyObservations());
  }

  String name() {
    return scopeName;
  }

  Set<ConfigKey> keys() {
    return keys.keySet();
  }

  /** What the scope knows of the key, or null when no instance reads or sets it. */
  KeyObservations get(ConfigKey key) {
    return keys.get(key);
  }

  /** The service versions running in the scope, sorted. */
  Set<String> versions() {
    Set<String> versions = new TreeSet<>();
    for (Report report : snapshot.reports()) {
      if (report.serviceVersion != null) {
        versions.add(report.serviceVersion);
      }
    }
    return versions;
  }

  /** The scope's side for a group of instances holding one value of {@code key}. */
  Side side(ConfigKey key, ValueGroup group) {
    return sides.computeIfAbsent(group, g -> {
      Observation value = g.representative();
      return new Side(scopeName, value.read(), value.present(), value.value(), value.fingerprint(),
          value.defaultUsed(), value.defaultValue(), since(key, g), g.instances(), value.winningSource(),
          value.origin());
    });
  }

  /** The scope's side where no instance reads or sets the key. */
  Side absentSide(ConfigKey key) {
    Instant since = snapshot.firstSeen().get(new ValueKey(key.source(), key.key(), null));
    return new Side(scopeName, false, false, null, null, false, null, since, List.of(), null, null);
  }

  /** The side that speaks for the whole scope: its dominant value, or "absent". */
  Side scopeSide(ConfigKey key) {
    KeyObservations observations = keys.get(key);
    return observations == null ? absentSide(key) : side(key, observations.dominant());
  }

  /**
   * Since when the group's value has been seen: the stored first sighting, else the earliest first
   * read (or start) among the group's instances.
   */
  private Instant since(ConfigKey key, ValueGroup group) {
    Instant stored = snapshot.firstSeen().get(
        new ValueKey(key.source(), key.key(), group.representative().fingerprint()));
    if (stored != null) {
      return stored;
    }
    Instant earliest = null;
    for (Observation member : group.members()) {
      earliest = Timestamps.earlier(earliest, member.seenSince());
    }
    return earliest;
  }
}
