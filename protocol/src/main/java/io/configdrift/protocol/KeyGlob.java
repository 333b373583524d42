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

  /** A glob as a regular expression over {@link #normalize normalized} keys. */
  public static Pattern compile(String glob) {
    // A normalized glob holds only letters, digits, '_' and '*', so '*' is its only special character.
    return Pattern.compile(normalize(glob).replace("*", ".*"));
  }

  /** Upper-cases letters and turns everything else but digits and stars into {@code _}. */
  public static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c == '*' ? '*' : Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }
}
