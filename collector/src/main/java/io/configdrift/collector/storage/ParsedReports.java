package io.configdrift.collector.storage;

import io.configdrift.protocol.Report;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored reports already unzipped and parsed, by instance. A report is the costly part of a
 * snapshot (a 500-key report takes longer to parse than the queries around it), and it changes
 * only when its instance's configuration, run or versions change, which the {@link Stamp} of the
 * row says; so a query re-parses only the reports that changed since it last ran.
 *
 * <p>Bounded by the number of entries the reports hold, least recently used first out. The cached
 * reports are shared: whoever reads them must not change them (the engine only reads).
 */
final class ParsedReports {
  /** About 200 MB of parsed reports: a fleet of 1,000 instances with 500 keys each. */
  private static final long MOST_ENTRIES = 500_000;
  /** What a parsed entry (a read with its strings) takes on the heap, roughly. */
  private static final long BYTES_PER_ENTRY = 400;

  /** {@link #MOST_ENTRIES}, or as many as fit in a quarter of the heap where that is smaller. */
  static long defaultMaxEntries() {
    return Math.min(MOST_ENTRIES, Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_ENTRY);
  }

  /** What identifies the content of an instance's stored report. */
  record Stamp(String contentHash, long startedAt, String serviceVersion, String agentVersion) {}

  private record Cached(Stamp stamp, Report report, long weight) {}

  private final long maxEntries;
  private final Map<Long, Cached> byInstance = new LinkedHashMap<>(256, 0.75f, true);
  private long entries;

  ParsedReports(long maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The parsed report of the instance if it was cached with this stamp, else null. */
  synchronized Report get(long instanceId, Stamp stamp) {
    Cached cached = byInstance.get(instanceId);
    return cached != null && cached.stamp.equals(stamp) ? cached.report : null;
  }

  synchronized void put(long instanceId, Stamp stamp, Report report) {
    long weight = 1L + (report.reads == null ? 0 : report.reads.size())
        + (report.available == null ? 0 : report.available.size());
    if (weight > maxEntries) {
      return;
    }
    Cached replaced = byInstance.put(instanceId, new Cached(stamp, report, weight));
    entries += weight - (replaced == null ? 0 : replaced.weight);
    Iterator<Cached> eldest = byInstance.values().iterator();
    while (entries > maxEntries && eldest.hasNext()) {
      entries -= eldest.next().weight;
      eldest.remove();
    }
  }
}
