package io.configdrift.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a configuration value into a fingerprint that compares equal for equal values.
 *
 * <p>With a fleet-wide key the fingerprint is an HMAC-SHA256, so nobody without the key can test
 * guesses of low-entropy values ({@code true}, {@code 10}) against it. Without a key it is a plain
 * SHA-256, which only hides values that are hard to guess; reports say which one they used.
 */
public final class Fingerprinter {
  public static final String HMAC_SHA256 = "hmac-sha256";
  public static final String SHA256 = "sha256";
  /** The environment variable that holds the fleet-wide fingerprint key. */
  public static final String KEY_ENVIRONMENT_VARIABLE = "CONFIGDRIFT_FINGERPRINT_KEY";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] key;

  private Fingerprinter(byte[] key) {
    this.key = key;
  }

  /** A keyed (HMAC-SHA256) fingerprinter; a key that is not {@link #isUsableKey usable} gives the unkeyed one. */
  public static Fingerprinter withKey(String key) {
    if (!isUsableKey(key)) {
      return unkeyed();
    }
    return new Fingerprinter(key.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@link #withKey} makes a keyed fingerprinter of {@code key}: it is neither null nor empty. */
  public static boolean isUsableKey(String key) {
    return key != null && !key.isEmpty();
  }

  public static Fingerprinter unkeyed() {
    return new Fingerprinter(null);
  }

  public boolean isKeyed() {
    return key != null;
  }

  public String algorithm() {
    return isKeyed() ? HMAC_SHA256 : SHA256;
  }

  /** The lower-case hex fingerprint of {@code value}; null for null (an unset key has no fingerprint). */
  public String fingerprint(String value) {
    if (value == null) {
      return null;
    }
    byte[] input = value.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest;
      if (key == null) {
        digest = MessageDigest.getInstance("SHA-256").digest(input);
      } else {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        digest = mac.doFinal(input);
      }
      return hex(digest);
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide both algorithms.
      throw new IllegalStateException("SHA-256 or HmacSHA256 is not available in this JVM", e);
    }
  }

  /** The first characters of a fingerprint, enough to tell values apart on a screen. */
  public static String shortForm(String fingerprint) {
    return fingerprint == null || fingerprint.length() <= 8 ? fingerprint : fingerprint.substring(0, 8);
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
