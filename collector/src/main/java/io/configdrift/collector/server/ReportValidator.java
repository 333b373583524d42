package io.configdrift.collector.server;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.CandidateRecord;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportLimits;
import io.configdrift.protocol.Sources;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  /** Throws {@link InvalidReportException} naming the field at fault; returns the report when it is valid. */
  public Report validate(Report report) {
    if (report == null) {
      throw new InvalidReportException("", "the body is empty; send a report as JSON");
    }
    if (report.schemaVersion != Report.SCHEMA_VERSION) {
      throw new InvalidReportException("schemaVersion", "schemaVersion " + report.schemaVersion
          + " is not supported; this collector reads version " + Report.SCHEMA_VERSION);
    }
    identifier(FieldPath.of("service"), report.service, true);
    identifier(FieldPath.of("environment"), report.environment, true);
    identifier(FieldPath.of("instance"), report.instance, true);
    identifier(FieldPath.of("region"), report.region, false);
    text(FieldPath.of("serviceVersion"), report.serviceVersion, MAX_IDENTIFIER_LENGTH, false);
    text(FieldPath.of("agentVersion"), report.agentVersion, MAX_IDENTIFIER_LENGTH, false);
    timestamp(FieldPath.of("generatedAt"), report.generatedAt, true);
    timestamp(FieldPath.of("startedAt"), report.startedAt, false);
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
    FieldPath list = FieldPath.of("reads");
    bounded(list, reads.size());
    Set<String> seen = sizedFor(reads.size());
    for (int i = 0; i < reads.size(); i++) {
      FieldPath at = list.at(i);
      ReadRecord read = reads.get(i);
      if (read == null) {
        throw refused(at, " is null");
      }
      sourceAndKey(at, read.source, read.key, seen);
      fingerprint(at.dot("fingerprint"), read.fingerprint, read.present);
      if (!read.present && read.value != null) {
        throw new InvalidReportException(at.dot("value").toString(), at + " is not present but has a value");
      }
      text(at.dot("value"), read.value, MAX_VALUE_LENGTH, false);
      fingerprint(at.dot("defaultFingerprint"), read.defaultFingerprint, false);
      text(at.dot("defaultValue"), read.defaultValue, MAX_VALUE_LENGTH, false);
      if (read.count < 0) {
        throw new InvalidReportException(at.dot("count").toString(), "count must not be negative");
      }
      timestamp(at.dot("firstReadAt"), read.firstReadAt, false);
      timestamp(at.dot("lastReadAt"), read.lastReadAt, false);
      callers(at.dot("callers"), read.callers);
      text(at.dot("winningSource"), read.winningSource, MAX_CALLER_LENGTH, false);
      text(at.dot("origin"), read.origin, MAX_CALLER_LENGTH, false);
      candidates(at.dot("candidates"), read.candidates);
    }
  }

  private void available(List<AvailableRecord> available) {
    if (available == null) {
      throw new InvalidReportException("available", "available must be a list (it may be empty)");
    }
    FieldPath list = FieldPath.of("available");
    bounded(list, available.size());
    Set<String> seen = sizedFor(available.size());
    for (int i = 0; i < available.size(); i++) {
      FieldPath at = list.at(i);
      AvailableRecord entry = available.get(i);
      if (entry == null) {
        throw refused(at, " is null");
      }
      sourceAndKey(at, entry.source, entry.key, seen);
      fingerprint(at.dot("fingerprint"), entry.fingerprint, false);
    }
  }

  /** A refusal naming {@code field}, whose message is the field's path followed by {@code detail}. */
  private static InvalidReportException refused(FieldPath field, String detail) {
    return new InvalidReportException(field.toString(), field + detail);
  }

  /** A set that takes {@code entries} without growing: growing rehashes every key seen so far. */
  private static Set<String> sizedFor(int entries) {
    return new HashSet<>(entries * 4 / 3 + 1);
  }

  private static void sourceAndKey(FieldPath at, String source, String key, Set<String> seen) {
    if (source == null || !SOURCES.contains(source)) {
      throw refused(at.dot("source"), " must be one of " + SOURCES);
    }
    text(at.dot("key"), key, MAX_KEY_LENGTH, true);
    if (!seen.add(source + "\u0000" + key)) {
      throw new InvalidReportException(at.dot("key").toString(), at + " repeats a source and key listed before it");
    }
  }

  private static void candidates(FieldPath field, List<CandidateRecord> candidates) {
    if (candidates == null) {
      return;
    }
    if (candidates.size() > MAX_CANDIDATES) {
      throw refused(field, " lists more than " + MAX_CANDIDATES + " sources");
    }
    for (int i = 0; i < candidates.size(); i++) {
      FieldPath at = field.at(i);
      CandidateRecord candidate = candidates.get(i);
      if (candidate == null) {
        throw refused(at, " is null");
      }
      text(at.dot("source"), candidate.source, MAX_CALLER_LENGTH, true);
      fingerprint(at.dot("fingerprint"), candidate.fingerprint, false);
      text(at.dot("value"), candidate.value, MAX_VALUE_LENGTH, false);
      text(at.dot("origin"), candidate.origin, MAX_CALLER_LENGTH, false);
    }
  }

  private static void callers(FieldPath field, List<String> callers) {
    if (callers == null) {
      return;
    }
    if (callers.size() > 16) {
      throw refused(field, " lists more than 16 callers");
    }
    for (int i = 0; i < callers.size(); i++) {
      text(field.at(i), callers.get(i), MAX_CALLER_LENGTH, true);
    }
  }

  private static void bounded(FieldPath field, int size) {
    if (size > MAX_ENTRIES) {
      throw refused(field, " has " + size + " entries; at most " + MAX_ENTRIES + " are accepted");
    }
  }

  private static void fingerprint(FieldPath field, String value, boolean required) {
    if (value == null) {
      if (required) {
        throw refused(field, " is required when the key is present");
      }
      return;
    }
    if (!isFingerprint(value)) {
      throw refused(field, " must be 64 lower-case hex digits");
    }
  }

  /** 64 lower-case hex digits; checked by hand because a report holds hundreds of them. */
  private static boolean isFingerprint(String value) {
    if (value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static void identifier(FieldPath field, String value, boolean required) {
    text(field, value, MAX_IDENTIFIER_LENGTH, required);
    if (value != null && (value.contains("/") || value.contains("\\") || value.equals("..") || value.equals("."))) {
      throw refused(field, " must not contain '/' or '\\' or be '.' or '..'");
    }
  }

  private static void text(FieldPath field, String value, int maxLength, boolean required) {
    if (value == null) {
      if (required) {
        throw refused(field, " is required");
      }
      return;
    }
    if (required && value.isBlank()) {
      throw refused(field, " must not be blank");
    }
    if (value.length() > maxLength) {
      throw refused(field, " is longer than " + maxLength + " characters");
    }
    if (!ReportLimits.isCleanText(value)) {
      throw refused(field, " contains a control character or broken unicode");
    }
  }

  private static void timestamp(FieldPath field, String value, boolean required) {
    text(field, value, 64, required);
    if (value != null) {
      if (!IsoInstants.isValid(value)) {
        throw refused(field, " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
      }
    }
  }
}
