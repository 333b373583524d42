package io.configdrift.collector.server;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.CandidateRecord;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportLimits;
import io.configdrift.protocol.Sources;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed report before anything is stored, naming the first field at fault. Everything a
 * report may hold is bounded here, so storage and the engine only ever see sane data.
 */
public final class ReportValidator {
  static final int MAX_IDENTIFIER_LENGTH = ReportLimits.MAX_IDENTIFIER_LENGTH;
  static final int MAX_KEY_LENGTH = ReportLimits.MAX_KEY_LENGTH;
  static final int MAX_VALUE_LENGTH = ReportLimits.MAX_VALUE_LENGTH;
  static final int MAX_CALLER_LENGTH = ReportLimits.MAX_CALLER_LENGTH;
  static final int MAX_ENTRIES = ReportLimits.MAX_ENTRIES;
  static final Set<String> ALGORITHMS = Set.of(Fingerprinter.HMAC_SHA256, Fingerprinter.SHA256);
  static final Set<String> SOURCES = Set.of(Sources.ENV, Sources.SYSPROP, Sources.SPRING, Sources.MICROPROFILE);
  static final int MAX_CANDIDATES = 64;
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  /** Throws {@link InvalidReportException} naming the field at fault; returns the report when it is valid. */
  public Report validate(Report report) {
    if (report == null) {
      throw new InvalidReportException("", "the body is empty; send a report as JSON");
    }
    if (report.schemaVersion != Report.SCHEMA_VERSION) {
      throw new InvalidReportException("schemaVersion", "schemaVersion " + report.schemaVersion
          + " is not supported; this collector reads version " + Report.SCHEMA_VERSION);
    }
    identifier("service", report.service, true);
    identifier("environment", report.environment, true);
    identifier("instance", report.instance, true);
    identifier("region", report.region, false);
    text("serviceVersion", report.serviceVersion, MAX_IDENTIFIER_LENGTH, false);
    text("agentVersion", report.agentVersion, MAX_IDENTIFIER_LENGTH, false);
    timestamp("generatedAt", report.generatedAt, true);
    timestamp("startedAt", report.startedAt, false);
    if (report.sequence < 1) {
      throw new InvalidReportException("sequence", "sequence must be 1 or more");
    }
    if (report.fingerprint == null || !ALGORITHMS.contains(report.fingerprint.algorithm)) {
      throw new InvalidReportException("fingerprint.algorithm", "fingerprint.algorithm must be one of " + ALGORITHMS);
    }
    if (report.dropped < 0) {
      throw new InvalidReportException("dropped", "dropped must not be negative");
    }
    reads(report.reads);
    available(report.available);
    return report;
  }

  private void reads(List<ReadRecord> reads) {
    if (reads == null) {
      throw new InvalidReportException("reads", "reads must be a list (it may be empty)");
    }
    bounded("reads", reads.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < reads.size(); i++) {
      String at = "reads[" + i + "]";
      ReadRecord read = reads.get(i);
      if (read == null) {
        throw new InvalidReportException(at, at + " is null");
      }
      sourceAndKey(at, read.source, read.key, seen);
      fingerprint(at + ".fingerprint", read.fingerprint, read.present);
      if (!read.present && read.value != null) {
        throw new InvalidReportException(at + ".value", at + " is not present but has a value");
      }
      text(at + ".value", read.value, MAX_VALUE_LENGTH, false);
      fingerprint(at + ".defaultFingerprint", read.defaultFingerprint, false);
      text(at + ".defaultValue", read.defaultValue, MAX_VALUE_LENGTH, false);
      if (read.count < 0) {
        throw new InvalidReportException(at + ".count", "count must not be negative");
      }
      timestamp(at + ".firstReadAt", read.firstReadAt, false);
      timestamp(at + ".lastReadAt", read.lastReadAt, false);
      callers(at + ".callers", read.callers);
      text(at + ".winningSource", read.winningSource, MAX_CALLER_LENGTH, false);
      text(at + ".origin", read.origin, MAX_CALLER_LENGTH, false);
      candidates(at + ".candidates", read.candidates);
    }
  }

  private void available(List<AvailableRecord> available) {
    if (available == null) {
      throw new InvalidReportException("available", "available must be a list (it may be empty)");
    }
    bounded("available", available.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < available.size(); i++) {
      String at = "available[" + i + "]";
      AvailableRecord entry = available.get(i);
      if (entry == null) {
        throw new InvalidReportException(at, at + " is null");
      }
      sourceAndKey(at, entry.source, entry.key, seen);
      fingerprint(at + ".fingerprint", entry.fingerprint, false);
    }
  }

  private static void sourceAndKey(String at, String source, String key, Set<String> seen) {
    if (source == null || !SOURCES.contains(source)) {
      throw new InvalidReportException(at + ".source", at + ".source must be one of " + SOURCES);
    }
    text(at + ".key", key, MAX_KEY_LENGTH, true);
    if (!seen.add(source + "\u0000" + key)) {
      throw new InvalidReportException(at + ".key", at + " repeats a source and key listed before it");
    }
  }

  private static void candidates(String field, List<CandidateRecord> candidates) {
    if (candidates == null) {
      return;
    }
    if (candidates.size() > MAX_CANDIDATES) {
      throw new InvalidReportException(field, field + " lists more than " + MAX_CANDIDATES + " sources");
    }
    for (int i = 0; i < candidates.size(); i++) {
      String at = field + "[" + i + "]";
      CandidateRecord candidate = candidates.get(i);
      if (candidate == null) {
        throw new InvalidReportException(at, at + " is null");
      }
      text(at + ".source", candidate.source, MAX_CALLER_LENGTH, true);
      fingerprint(at + ".fingerprint", candidate.fingerprint, false);
      text(at + ".value", candidate.value, MAX_VALUE_LENGTH, false);
      text(at + ".origin", candidate.origin, MAX_CALLER_LENGTH, false);
    }
  }

  private static void callers(String field, List<String> callers) {
    if (callers == null) {
      return;
    }
    if (callers.size() > 16) {
      throw new InvalidReportException(field, field + " lists more than 16 callers");
    }
    for (int i = 0; i < callers.size(); i++) {
      text(field + "[" + i + "]", callers.get(i), MAX_CALLER_LENGTH, true);
    }
  }

  private static void bounded(String field, int size) {
    if (size > MAX_ENTRIES) {
      throw new InvalidReportException(field, field + " has " + size + " entries; at most " + MAX_ENTRIES + " are accepted");
    }
  }

  private static void fingerprint(String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        throw new InvalidReportException(field, field + " is required when the key is present");
      }
      return;
    }
    if (!FINGERPRINT.matcher(value).matches()) {
      throw new InvalidReportException(field, field + " must be 64 lower-case hex digits");
    }
  }

  private static void identifier(String field, String value, boolean required) {
    text(field, value, MAX_IDENTIFIER_LENGTH, required);
    if (value != null && (value.contains("/") || value.contains("\\") || value.equals("..") || value.equals("."))) {
      throw new InvalidReportException(field, field + " must not contain '/' or '\\' or be '.' or '..'");
    }
  }

  private static void text(String field, String value, int maxLength, boolean required) {
    if (value == null) {
      if (required) {
        throw new InvalidReportException(field, field + " is required");
      }
      return;
    }
    if (required && value.isBlank()) {
      throw new InvalidReportException(field, field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new InvalidReportException(field, field + " is longer than " + maxLength + " characters");
    }
    if (!ReportLimits.isCleanText(value)) {
      throw new InvalidReportException(field, field + " contains a control character or broken unicode");
    }
  }

  private static void timestamp(String field, String value, boolean required) {
    text(field, value, 64, required);
    if (value != null) {
      try {
        Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new InvalidReportException(field, field + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
      }
    }
  }
}
