package io.configdrift.collector.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Whether text is an ISO-8601 instant as {@link Instant#parse} reads it. A report carries two per
 * key, nearly always in the shape the agent writes ({@code 2026-01-31T12:00:00.123Z}); that shape
 * is checked character by character, which costs a fraction of a full parse, and anything else is
 * left to {@link Instant#parse}.
 */
final class IsoInstants {
  private IsoInstants() {}

  static boolean isValid(String text) {
    if (hasCommonShape(text)) {
      return true;
    }
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with every field in range; days only up to 28, so that
   * no month's length needs checking (later days take the full parse).
   */
  static boolean hasCommonShape(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
      return false;
    }
    if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return false;
    }
    if (digits(text, 0, 4) < 0
        || !inRange(digits(text, 5, 2), 1, 12) || !inRange(digits(text, 8, 2), 1, 28)
        || !inRange(digits(text, 11, 2), 0, 23) || !inRange(digits(text, 14, 2), 0, 59)
        || !inRange(digits(text, 17, 2), 0, 59)) {
      return false;
    }
    if (length == 20) {
      return true;
    }
    int fractionDigits = length - 21;
    return text.charAt(19) == '.' && fractionDigits >= 1 && fractionDigits <= 9
        && digits(text, 20, fractionDigits) >= 0;
  }

  private static boolean inRange(int value, int min, int max) {
    return value >= min && value <= max;
  }

  /** The number written by {@code count} digits at {@code start}; -1 when one is not a digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
