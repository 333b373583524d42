package io.configdrift.protocol;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides which plain values may leave the process. A value is revealed only when its key matches a
 * reveal pattern and no secret pattern; the secret patterns win whatever the reveal patterns say.
 *
 * <p>Patterns are {@link KeyGlob} globs, so {@code *_URL} matches both
 * {@code INVENTORY_SERVICE_URL} and {@code inventory.service.url}.
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
  private final List<KeyGlob> reveal;
  private final List<KeyGlob> secret;

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

  private static boolean matchesAny(List<KeyGlob> patterns, String key) {
    if (key == null) {
      return false;
    }
    String normalized = KeyGlob.normalizeKey(key);
    for (KeyGlob glob : patterns) {
      if (glob.matches(normalized)) {
        return true;
      }
    }
    return false;
  }

  private static List<KeyGlob> compile(List<String> globs) {
    List<KeyGlob> out = new ArrayList<>();
    for (String glob : globs) {
      if (!glob.isBlank()) {
        out.add(KeyGlob.compile(glob.trim()));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
