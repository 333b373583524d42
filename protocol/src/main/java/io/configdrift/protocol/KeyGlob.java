package io.configdrift.protocol;

/**
 * How configdrift matches key patterns everywhere (reveal and secret lists, policy files, noise):
 * without regard to case, every character of the key that is not a letter or digit read as
 * {@code _}, and {@code *} matching any run of characters. So {@code *_URL} matches both
 * {@code INVENTORY_SERVICE_URL} and {@code inventory.service.url}.
 *
 * <p>Matching is a few {@code startsWith}/{@code indexOf} calls rather than a regular expression:
 * the collector matches every key of every report against dozens of noise and policy patterns, and
 * a normalized glob has no special character but {@code *}.
 */
public final class KeyGlob {
  /** The normalized glob's text between its stars, in order; one part when it has no star. */
  private final String[] parts;

  private KeyGlob(String[] parts) {
    this.parts = parts;
  }

  /** A glob to match {@link #normalizeKey normalized} keys with. */
  public static KeyGlob compile(String glob) {
    return new KeyGlob(normalize(glob, true).split("\\*", -1));
  }

  /**
   * A key as globs match it: letters upper-cased, every other character but digits read as
   * {@code _}. A {@code *} in a key is a character like any other, so {@code API*TOKEN} is
   * {@code API_TOKEN} and a secret pattern {@code *_TOKEN} covers it.
   */
  public static String normalizeKey(String key) {
    return normalize(key, false);
  }

  /**
   * Whether the whole of {@code normalizedKey} matches. The first part must start the key and the
   * last end it; each part between is taken at its first place after the one before, which is
   * never worse than a later place since a star can take up any text.
   */
  public boolean matches(String normalizedKey) {
    if (parts.length == 1) {
      return normalizedKey.equals(parts[0]);
    }
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (normalizedKey.length() < first.length() + last.length()
        || !normalizedKey.startsWith(first) || !normalizedKey.endsWith(last)) {
      return false;
    }
    int from = first.length();
    int end = normalizedKey.length() - last.length();
    for (int i = 1; i < parts.length - 1; i++) {
      int at = normalizedKey.indexOf(parts[i], from);
      if (at < 0 || at + parts[i].length() > end) {
        return false;
      }
      from = at + parts[i].length();
    }
    return true;
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
