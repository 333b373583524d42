package io.configdrift.collector.engine;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.CandidateRecord;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one instance knows of one key: either its code read it ({@code read}), or the key is only
 * set in its environment (from the report's {@code available} list).
 */
record Observation(String instance, String environment, String region, String serviceVersion,
    String algorithm, Instant startedAt, boolean read, boolean present, String fingerprint,
    String value, boolean defaultUsed, String defaultFingerprint, String defaultValue,
    String firstReadAt, String winningSource, String origin, List<CandidateRecord> candidates) {

  /** Stands for a report that did not say how it fingerprinted; comparable only with itself. */
  static final String UNKNOWN_ALGORITHM = "unknown";

  /** {@code startedAt} is the report's, parsed once per report rather than once per key. */
  static Observation ofRead(Report report, Instant startedAt, ReadRecord read) {
    // A value and a default are only meaningful on the side of "set" they belong to.
    boolean present = read.present;
    return new Observation(report.instance, report.environment, report.region, report.serviceVersion,
        algorithmOf(report), startedAt, true, present,
        present ? read.fingerprint : null, present ? read.value : null,
        !present && read.defaultUsed, !present ? read.defaultFingerprint : null,
        !present ? read.defaultValue : null, read.firstReadAt,
        present ? read.winningSource : null, present ? read.origin : null,
        present && read.candidates != null ? read.candidates : List.of());
  }

  static Observation ofAvailable(Report report, Instant startedAt, AvailableRecord available) {
    return new Observation(report.instance, report.environment, report.region, report.serviceVersion,
        algorithmOf(report), startedAt, false, true, available.fingerprint,
        null, false, null, null, null, null, null, List.of());
  }

  private static String algorithmOf(Report report) {
    return report.fingerprint == null ? UNKNOWN_ALGORITHM
        : Objects.requireNonNullElse(report.fingerprint.algorithm, UNKNOWN_ALGORITHM);
  }

  /**
   * When this instance first had the value: its first read, else its start. Parsed on demand: only
   * the sides of findings need it.
   */
  Instant seenSince() {
    Instant firstRead = Timestamps.parse(firstReadAt);
    return firstRead != null ? firstRead : startedAt;
  }
}
