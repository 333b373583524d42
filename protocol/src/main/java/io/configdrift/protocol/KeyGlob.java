package io.configdrift.protocol;

import java.util.regex.Pattern;

/**
 * How configdrift matches key patterns everywhere (reveal and secret lists, policy files, noise):
 * without regard to case, every character of the key that is not a letter or digit read as
 * {@code _}, and {@code *} matching any run of characters. So {@code *_URL} matches both
 * {@code INVENTORY_SERVICE_URL} and {@code inventory.service.url}.
 */
public final class KeyGlob {
  private KeyGlob() {}

  /** A glob as a regular expression over {@link #normalizeKey normalized} keys. */
  public static Pattern compile(String glob) {
    // A normalized glob holds only letters, digits, '_' and '*', so '*' is its only special character.
    return Pattern.compile(normalize(glob, true).replace("*", ".*"));
  }

  /**
   * A key as globs match it: letters upper-cased, every other character but digits read as
   * {@code _}. A {@code *} in a key is a character like any other, so {@code API*TOKEN} is
   * {@code API_TOKEN} and a secret pattern {@code *_TOKEN} covers it.
   */
  public static String normalizeKey(String key) {
    return normalize(key, false);
  }

  private static String normalize(String text, boolean keepStars) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(keepStars && c == '*' ? '*' : Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }
}
