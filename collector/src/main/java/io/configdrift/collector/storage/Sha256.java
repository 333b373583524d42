package io.configdrift.collector.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of fields. Each field is length-prefixed, and null differs from every
 * string, so ("ab", "c") and ("a", "bc") never hash alike.
 */
final class Sha256 {
  private static final int NULL_MARKER = -1;

  private final MessageDigest digest;

  Sha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }

  /** The hex hash of the given fields. */
  static String of(String... fields) {
    Sha256 hash = new Sha256();
    for (String field : fields) {
      hash.add(field);
    }
    return hash.hex();
  }

  Sha256 add(String field) {
    if (field == null) {
      addInt(NULL_MARKER);
    } else {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      addInt(bytes.length);
      digest.update(bytes);
    }
    return this;
  }

  Sha256 add(boolean flag) {
    digest.update((byte) (flag ? 1 : 0));
    return this;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void addInt(int value) {
    digest.update((byte) (value >>> 24));
    digest.update((byte) (value >>> 16));
    digest.update((byte) (value >>> 8));
    digest.update((byte) value);
  }
}
