package io.configdrift.collector.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a drift may last: ISO-8601 ({@code PT4H}, {@code P7D}) or short ({@code 30m},
 * {@code 4h}, {@code 7d}, {@code 2w}, {@code 1d12h}). Keeps the text it was written as, so that
 * messages quote the policy the way its author wrote it.
 */
public final class Age {
  private static final Pattern SHORT = Pattern.compile("(?:\\d+[smhdw])+");
  private static final Pattern SHORT_PART = Pattern.compile("(\\d+)([smhdw])");

  private final String text;
  private final Duration duration;

  private Age(String text, Duration duration) {
    this.text = text;
    this.duration = duration;
  }

  @JsonCreator
  public static Age parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    Duration duration = trimmed.startsWith("P") || trimmed.startsWith("p") ? iso(trimmed) : shortForm(trimmed);
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("'" + trimmed + "' is not a positive duration; write PT4H, 4h, 7d or 2w");
    }
    return new Age(trimmed, duration);
  }

  public Duration duration() {
    return duration;
  }

  private static Duration iso(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration shortForm(String text) {
    if (!SHORT.matcher(text).matches()) {
      return null;
    }
    Duration total = Duration.ZERO;
    Matcher part = SHORT_PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total = total.plus(switch (part.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> Duration.ofDays(7 * amount);
      });
    }
    return total;
  }

  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Age that && duration.equals(that.duration);
  }

  @Override
  public int hashCode() {
    return duration.hashCode();
  }
}
