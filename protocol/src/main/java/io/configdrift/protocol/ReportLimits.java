package io.configdrift.protocol;

/**
 * What a report may hold, shared by the collector, which refuses a report that breaks any of it,
 * and the agent, which leaves out what it cannot report rather than have its whole report refused.
 */
public final class ReportLimits {
  public static final int MAX_IDENTIFIER_LENGTH = 200;
  public static final int MAX_KEY_LENGTH = 1_024;
  public static final int MAX_VALUE_LENGTH = 4_096;
  public static final int MAX_CALLER_LENGTH = 1_024;
  /** Most entries in {@code reads}, and in {@code available}. */
  public static final int MAX_ENTRIES = 20_000;

  private ReportLimits() {}

  /** Whether {@code text} holds no control character and no half of a surrogate pair (which JSON in UTF-8 cannot carry). */
  public static boolean isCleanText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** Whether a report can carry {@code key}: not blank, clean, at most {@link #MAX_KEY_LENGTH} characters. */
  public static boolean isReportableKey(String key) {
    return key != null && !key.isBlank() && key.length() <= MAX_KEY_LENGTH && isCleanText(key);
  }

  /** Whether a report can carry {@code value} in plain text: clean, at most {@link #MAX_VALUE_LENGTH} characters. */
  public static boolean isReportableValue(String value) {
    return value != null && value.length() <= MAX_VALUE_LENGTH && isCleanText(value);
  }

  /**
   * {@code text} as a report can carry it in a field limited to {@code maxLength}: null when it is
   * not clean text, else cut to the limit without splitting a surrogate pair.
   */
  public static String clipped(String text, int maxLength) {
    if (text == null || !isCleanText(text)) {
      return null;
    }
    if (text.length() <= maxLength) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength);
  }
}
