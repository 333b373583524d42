package io.configdrift.protocol;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which plain values may leave the process. A value is revealed only when its key matches a
 * reveal pattern and no secret pattern; the secret patterns win whatever the reveal patterns say.
 *
 * <p>Patterns are globs ({@code *} matches anything) matched without regard to case against the key
 * with every character that is not a letter or digit read as {@code _}, so {@code *_URL} matches
 * both {@code INVENTORY_SERVICE_URL} and {@code inventory.service.url}.
 */
public final class RevealPolicy {
  public static final List<String> DEFAULT_REVEAL = List.of(
      "*TIMEOUT*", "*RETRIES*", "*POOL*", "*LOG_LEVEL*", "ENABLE_*", "*_ENABLED", "FEATURE_*",
      "*PERCENT*", "*REPLICAS*", "*_URL", "*_URI", "*_HOST", "*_PORT", "*ENDPOINT*");
  public static final List<String> DEFAULT_SECRET = List.of(
      "*PASSWORD*", "*PASSWD*", "*SECRET*", "*TOKEN*", "*CREDENTIAL*", "*PRIVATE*", "*API_KEY*",
      "*APIKEY*", "*_KEY", "*AUTH*", "*COOKIE*", "*SESSION*");

  private final List<String> revealGlobs;
  private final List<String> secretGlobs;
  private final List<Pattern> reveal;
  private final List<Pattern> secret;

  public RevealPolicy(List<String> revealGlobs, List<String> secretGlobs) {
    this.revealGlobs = List.copyOf(revealGlobs);
    this.secretGlobs = List.copyOf(secretGlobs);
    this.reveal = compile(revealGlobs);
    this.secret = compile(secretGlobs);
  }

  public static RevealPolicy defaults() {
    return new RevealPolicy(DEFAULT_REVEAL, DEFAULT_SECRET);
  }

  public List<String> revealPatterns() {
    return revealGlobs;
  }

  public List<String> secretPatterns() {
    return secretGlobs;
  }

  public boolean isSecret(String key) {
    return matchesAny(secret, key);
  }

  public boolean mayReveal(String key) {
    return !isSecret(key) && matchesAny(reveal, key);
  }

  /** The value as it may be shown for {@code key}, or null when it must stay hidden. */
  public String revealedValue(String key, String value) {
    if (value == null || !mayReveal(key)) {
      return null;
    }
    return withoutCredentials(value);
  }

  /**
   * A URL without its user-info and query string (both often carry credentials); other values as
   * they are. A value that looks like a URL but does not parse is withheld entirely.
   */
  static String withoutCredentials(String value) {
    int scheme = value.indexOf("://");
    if (scheme <= 0) {
      return value;
    }
    try {
      URI uri = new URI(value);
      if (uri.getRawAuthority() == null) {
        return stripQuery(value);
      }
      String hostPort = uri.getRawAuthority();
      int at = hostPort.lastIndexOf('@');
      if (at >= 0) {
        hostPort = hostPort.substring(at + 1);
      }
      StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(hostPort);
      if (uri.getRawPath() != null) {
        out.append(uri.getRawPath());
      }
      return out.toString();
    } catch (Exception notAUri) {
      return null;
    }
  }

  private static String stripQuery(String value) {
    int query = value.indexOf('?');
    return query < 0 ? value : value.substring(0, query);
  }

  private static boolean matchesAny(List<Pattern> patterns, String key) {
    if (key == null) {
      return false;
    }
    String normalized = normalize(key);
    for (Pattern p : patterns) {
      if (p.matcher(normalized).matches()) {
        return true;
      }
    }
    return false;
  }

  static String normalize(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }

  private static List<Pattern> compile(List<String> globs) {
    List<Pattern> out = new ArrayList<>();
    for (String glob : globs) {
      String trimmed = glob.trim();
      if (!trimmed.isEmpty()) {
        // A normalized glob holds only letters, digits, '_' and '*', so '*' is its only special character.
        out.add(Pattern.compile(normalizeGlob(trimmed).replace("*", ".*")));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Normalizes a glob like a key but keeps its stars. */
  private static String normalizeGlob(String glob) {
    StringBuilder out = new StringBuilder(glob.length());
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      out.append(c == '*' ? '*' : Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }
}
