package io.configdrift.collector.storage;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.Sources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds reports for tests; values are fingerprinted the way the agent does it. */
final class ReportBuilder {
  private static final Fingerprinter FINGERPRINTER = Fingerprinter.unkeyed();

  private final Report report = new Report();

  private ReportBuilder(String service, String environment, String region, String instance) {
    report.service = service;
    report.environment = environment;
    report.region = region;
    report.instance = instance;
    report.serviceVersion = "1.0.0";
    report.agentVersion = "0.1.0";
    report.startedAt = "2025-01-01T00:00:00Z";
    report.generatedAt = "2025-01-01T00:01:00Z";
    report.sequence = 1;
  }

  static ReportBuilder report(String service, String environment, String region, String instance) {
    return new ReportBuilder(service, environment, region, instance);
  }

  static String fingerprint(String value) {
    return FINGERPRINTER.fingerprint(value);
  }

  /** When the reporting JVM started: a restarted agent counts its sequence from 1 again. */
  ReportBuilder startedAt(Instant startedAt) {
    report.startedAt = startedAt.toString();
    return this;
  }

  ReportBuilder sequence(long sequence) {
    report.sequence = sequence;
    report.generatedAt = "2025-01-01T00:" + String.format("%02d", sequence % 60) + ":00Z";
    return this;
  }

  ReportBuilder serviceVersion(String version) {
    report.serviceVersion = version;
    return this;
  }

  /** A read of a set key whose value the agent revealed. */
  ReportBuilder read(String key, String value) {
    return add(Sources.ENV, key, value, value, List.of("com.acme.Config.load(Config.java:12)"));
  }

  /** A read of a set key whose value stayed hidden. */
  ReportBuilder hiddenRead(String key, String value) {
    return add(Sources.ENV, key, value, null, List.of("com.acme.Config.load(Config.java:12)"));
  }

  /** A read of a key that is not set. */
  ReportBuilder unsetRead(String key) {
    return add(Sources.ENV, key, null, null, List.of());
  }

  ReportBuilder read(String source, String key, String value, String revealed, List<String> callers) {
    return add(source, key, value, revealed, callers);
  }

  ReportBuilder available(String key, String value) {
    report.available.add(new AvailableRecord(Sources.ENV, key, fingerprint(value)));
    return this;
  }

  /** Changes what changes with every report of an unchanged instance: counts and times. */
  ReportBuilder counted(long count) {
    for (ReadRecord read : report.reads) {
      read.count = count;
      read.lastReadAt = "2025-01-01T01:" + String.format("%02d", count % 60) + ":00Z";
    }
    return this;
  }

  Report build() {
    return report;
  }

  private ReportBuilder add(String source, String key, String value, String revealed, List<String> callers) {
    ReadRecord read = new ReadRecord();
    read.source = source;
    read.key = key;
    read.present = value != null;
    read.fingerprint = fingerprint(value);
    read.value = revealed;
    read.defaultUsed = value == null;
    read.count = 1;
    read.firstReadAt = "2025-01-01T00:00:01Z";
    read.lastReadAt = "2025-01-01T00:00:01Z";
    read.callers = new ArrayList<>(callers);
    report.reads.add(read);
    return this;
  }
}
