package io.configdrift.collector.cli;

import io.configdrift.collector.engine.MatrixCell;
import io.configdrift.collector.engine.Side;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.Sources;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How the CLI shows keys and values. A value is shown in plain text only where the agent revealed
 * it; otherwise as {@code #} and the first 8 characters of its fingerprint, which tells values apart
 * without giving them away.
 */
final class ValueText {
  static final String NOT_SET = "(not set)";

  private ValueText() {}

  /** {@code DB_TIMEOUT} for an environment variable, {@code sysprop:db.timeout} for other sources. */
  static String key(String source, String key) {
    return source == null || Sources.ENV.equals(source) ? key : source + ":" + key;
  }

  /** A revealed value as it is, a hidden one as its fingerprint's short form, an unset one as such. */
  static String value(String value, String fingerprint) {
    if (value != null) {
      return value;
    }
    return fingerprint == null ? NOT_SET : fingerprint(fingerprint);
  }

  static String fingerprint(String fingerprint) {
    return "#" + Fingerprinter.shortForm(fingerprint);
  }

  /** What a side of a finding holds: its value, or why it has none, and whether its code reads it. */
  static String side(Side side) {
    return holding(side.present(), side.value(), side.fingerprint(), side.defaultUsed(), side.defaultValue(),
        side.read());
  }

  static String cell(MatrixCell cell) {
    return holding(cell.present(), cell.value(), cell.fingerprint(), cell.defaultUsed(), cell.defaultValue(),
        cell.read());
  }

  private static String holding(boolean present, String value, String fingerprint, boolean defaultUsed,
      String defaultValue, boolean read) {
    if (present) {
      return value(value, fingerprint) + (read ? "" : " (unread)");
    }
    if (!read) {
      return "-";
    }
    if (defaultUsed) {
      return "(not set, default " + (defaultValue == null ? "hidden" : defaultValue) + ")";
    }
    return NOT_SET;
  }

  /** An instant to the second, ISO-8601 in UTC: {@code 2026-11-28T08:00:01Z}. */
  static String time(Instant instant) {
    return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
