package io.configdrift.collector.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.configdrift.protocol.KeyGlob;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key glob, optionally limited to one source: {@code AWS_*}, {@code env:AWS_*},
 * {@code sysprop:java.*}.
 *
 * <p>Keys are matched like the agent's reveal patterns ({@link io.configdrift.protocol.KeyGlob}):
 * without regard to case, and with every character of the key that is not a letter or digit read
 * as {@code _}; so {@code LOG_LEVEL} also matches the system property {@code log.level}. In the
 * pattern, {@code *} matches any run of characters.
 */
public final class KeyPattern {
  private static final Pattern SOURCE_PREFIX = Pattern.compile("([a-z][a-z0-9-]*):(.*)");

  private final String text;
  private final String source;
  private final KeyGlob glob;

  private KeyPattern(String text, String source, String glob) {
    this.text = text;
    this.source = source;
    this.glob = KeyGlob.compile(glob);
  }

  /** Parses {@code glob} or {@code source:glob}. */
  @JsonCreator
  public static KeyPattern parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a key pattern must not be empty");
    }
    String trimmed = text.trim();
    Matcher qualified = SOURCE_PREFIX.matcher(trimmed);
    if (qualified.matches()) {
      String glob = qualified.group(2).trim();
      if (glob.isEmpty()) {
        throw new IllegalArgumentException("key pattern '" + trimmed + "' names a source but no key");
      }
      return new KeyPattern(trimmed, qualified.group(1), glob);
    }
    return new KeyPattern(trimmed, null, trimmed);
  }

  /** This pattern limited to {@code source}; fails if it already names another source. */
  public KeyPattern withSource(String otherSource) {
    if (otherSource == null || otherSource.equals(source)) {
      return this;
    }
    if (source != null) {
      throw new IllegalArgumentException("key pattern '" + text + "' names source " + source
          + " but source: says " + otherSource);
    }
    return parse(otherSource + ":" + text);
  }

  /** The source this pattern is limited to, or null for every source. */
  public String source() {
    return source;
  }

  public boolean matches(String keySource, String key) {
    return key != null && matchesNormalized(keySource, KeyGlob.normalizeKey(key));
  }

  /** Whether any of {@code patterns} matches; normalizes the key once for all of them. */
  public static boolean anyMatches(List<KeyPattern> patterns, String keySource, String key) {
    if (key == null || patterns.isEmpty()) {
      return false;
    }
    String normalized = KeyGlob.normalizeKey(key);
    for (KeyPattern pattern : patterns) {
      if (pattern.matchesNormalized(keySource, normalized)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesNormalized(String keySource, String normalizedKey) {
    return (source == null || source.equals(keySource)) && glob.matches(normalizedKey);
  }

  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyPattern that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
