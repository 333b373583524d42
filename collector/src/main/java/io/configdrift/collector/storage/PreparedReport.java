package io.configdrift.collector.storage;

import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report turned into what the database stores. The content hash is worked out when it is made,
 * before any connection is taken. The blob (compressed JSON) and the timeline values wait until a
 * changed report needs them: an unchanged one, the steady state, never does. They are then made
 * inside the ingest, which on SQLite is the single writer thread: a rollout's changed reports are
 * compressed one after another there.
 */
final class PreparedReport {
  private final Report report;
  private final InstanceIdentity identity;
  private final long receivedAt;
  private final long startedAt;
  private final String contentHash;
  private byte[] blob;
  private List<ObservedValue> values;

  private PreparedReport(Report report, Instant receivedAt) {
    this.report = report;
    this.identity = InstanceIdentity.of(report);
    this.receivedAt = Columns.millis(receivedAt);
    this.startedAt = report.startedAt == null ? 0 : Instant.parse(report.startedAt).toEpochMilli();
    this.contentHash = ContentHash.of(report);
  }

  static PreparedReport of(Report report, Instant receivedAt) {
    return new PreparedReport(report, receivedAt);
  }

  InstanceIdentity identity() {
    return identity;
  }

  String serviceVersion() {
    return report.serviceVersion;
  }

  String agentVersion() {
    return report.agentVersion;
  }

  /** When the reporting JVM started, in epoch milliseconds; 0 when the report does not say. */
  long startedAt() {
    return startedAt;
  }

  /** What identifies this report's content once stored; see {@link ParsedReports.Stamp}. */
  ParsedReports.Stamp stamp() {
    return new ParsedReports.Stamp(contentHash, startedAt, report.serviceVersion, report.agentVersion);
  }

  long sequence() {
    return report.sequence;
  }

  /** When the collector received the report, in epoch milliseconds. */
  long receivedAt() {
    return receivedAt;
  }

  String contentHash() {
    return contentHash;
  }

  /** The report as stored: gzip-compressed JSON, made on first use. */
  byte[] blob() {
    if (blob == null) {
      blob = ReportBlob.compress(report);
    }
    return blob;
  }

  /**
   * One value per key read, in {@link ObservedValue#LOCK_ORDER}; should a report list a key twice,
   * its last read wins. Computed on first use: reports with unchanged content never need them.
   */
  List<ObservedValue> values() {
    if (values == null) {
      Map<String, ObservedValue> lastByKeyHash = new HashMap<>();
      if (report.reads != null) {
        for (ReadRecord read : report.reads) {
          ObservedValue value = ObservedValue.of(read);
          lastByKeyHash.put(value.keyHash(), value);
        }
      }
      values = lastByKeyHash.values().stream().sorted(ObservedValue.LOCK_ORDER).toList();
    }
    return values;
  }
}
