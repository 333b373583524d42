package io.configdrift.collector.trust;

import io.configdrift.collector.testsupport.Http;
import io.configdrift.protocol.FingerprintInfo;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportJsonWriter;
import io.configdrift.protocol.Sources;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated agent: sends reports of one instance over HTTP the way the agent does (gzip JSON,
 * sequence counting up from 1, a value that changes every tenth report) and remembers the highest
 * sequence the collector acknowledged with a 2xx. Used from one thread at a time.
 */
final class SyntheticAgent {
  private static final Fingerprinter FINGERPRINTS = Fingerprinter.unkeyed();

  private final String service;
  private final String environment;
  private final String instance;
  private final int keys;
  private final String startedAt = Instant.now().toString();
  private long sentSequence;
  private long acknowledgedSequence;

  SyntheticAgent(String service, String environment, String instance, int keys) {
    this.service = service;
    this.environment = environment;
    this.instance = instance;
    this.keys = keys;
  }

  String instance() {
    return instance;
  }

  /** Sends the next report; returns the answer's status (and throws when there was no answer). */
  int sendNext(String collectorUrl, String token) throws IOException, InterruptedException {
    long sequence = ++sentSequence;
    Http.Answer answer = Http.post(collectorUrl + "/v1/reports", Http.gzip(ReportJsonWriter.toJson(report(sequence))), token, true);
    if (answer.status() / 100 == 2) {
      acknowledgedSequence = sequence;
    }
    return answer.status();
  }

  /** The highest sequence acknowledged with a 2xx; 0 before the first. */
  long acknowledgedSequence() {
    return acknowledgedSequence;
  }

  /** The highest sequence sent, acknowledged or not. */
  long sentSequence() {
    return sentSequence;
  }

  /** This instance's report number {@code sequence}: {@code keys} keys, DB_TIMEOUT changing every tenth report. */
  Report report(long sequence) {
    Report report = new Report();
    report.service = service;
    report.environment = environment;
    report.region = "eu-west-1";
    report.instance = instance;
    report.serviceVersion = "1.0.0";
    report.agentVersion = "trust";
    report.startedAt = startedAt;
    report.generatedAt = Instant.now().toString();
    report.sequence = sequence;
    report.fingerprint = new FingerprintInfo(FINGERPRINTS.algorithm());
    List<ReadRecord> reads = new ArrayList<>();
    reads.add(read("DB_TIMEOUT", (sequence / 10) + "s", sequence));
    for (int k = 1; k < keys; k++) {
      reads.add(read(String.format("KEY_%04d", k), "value-" + k, sequence));
    }
    report.reads = reads;
    return report;
  }

  private static ReadRecord read(String key, String value, long count) {
    ReadRecord read = new ReadRecord();
    read.source = Sources.ENV;
    read.key = key;
    read.present = true;
    read.fingerprint = FINGERPRINTS.fingerprint(value);
    read.value = value;
    read.count = count;
    read.firstReadAt = "2026-01-01T00:00:00Z";
    read.lastReadAt = Instant.now().toString();
    read.callers = new ArrayList<>(List.of("com.acme.Config.load(Config.java:12)"));
    return read;
  }
}
