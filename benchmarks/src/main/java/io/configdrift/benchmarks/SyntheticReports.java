package io.configdrift.benchmarks;

import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.time.Instant;

/** Reports of a made-up fleet, for load and query measurements. */
final class SyntheticReports {
  private static final Fingerprinter FINGERPRINTS = Fingerprinter.withKey("benchmark-key");
  private static final Instant STARTED = Instant.now();

  private SyntheticReports() {}

  /**
   * A report of {@code keys} reads; {@code variant} changes every tenth value so that scopes and
   * instances differ somewhat, as a real fleet's do.
   */
  static Report report(String service, String environment, String region, String instance, int keys,
      int variant, long sequence) {
    Report report = new Report();
    report.service = service;
    report.environment = environment;
    report.region = region;
    report.instance = instance;
    report.serviceVersion = "1.0.0";
    report.agentVersion = "benchmark";
    report.startedAt = STARTED.toString();
    report.generatedAt = Instant.now().toString();
    report.sequence = sequence;
    report.fingerprint.algorithm = Fingerprinter.HMAC_SHA256;
    for (int k = 0; k < keys; k++) {
      ReadRecord read = new ReadRecord();
      read.source = k % 4 == 0 ? "sysprop" : "env";
      read.key = read.source.equals("env") ? "SETTING_" + k + "_TIMEOUT" : "setting." + k + ".timeout";
      String value = k % 10 == 0 ? k + "s-" + variant : k + "s";
      read.present = true;
      read.value = value;
      read.fingerprint = FINGERPRINTS.fingerprint(value);
      read.count = 1;
      read.firstReadAt = STARTED.toString();
      read.lastReadAt = STARTED.toString();
      read.callers.add("com.example.Settings.load(Settings.java:" + (10 + k) + ")");
      report.reads.add(read);
    }
    return report;
  }
}
