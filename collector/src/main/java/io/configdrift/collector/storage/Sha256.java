package io.configdrift.collector.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of fields. Each field is length-prefixed, and null differs from every
 * string, so ("ab", "c") and ("a", "bc") never hash alike. Fields are gathered in a buffer and
 * digested in one call: a report hashes thousands of short fields, and each call into the digest
 * costs more than hashing a short field.
 */
final class Sha256 {
  private static final int NULL_MARKER = -1;

  private byte[] buffer;
  private int length;

  /** {@code expectedBytes}: about how much will be added; the buffer grows beyond it as needed. */
  Sha256(int expectedBytes) {
    buffer = new byte[Math.max(64, expectedBytes)];
  }

  /** The hex hash of the given fields (a few short ones: a key's source and name, say). */
  static String of(String... fields) {
    Sha256 hash = new Sha256(256);
    for (String field : fields) {
      hash.add(field);
    }
    return hash.hex();
  }

  Sha256 add(String field) {
    if (field == null) {
      addInt(NULL_MARKER);
    } else if (!appendAscii(field)) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      addInt(bytes.length);
      append(bytes);
    }
    return this;
  }

  /**
   * Appends an ASCII field without encoding it into a new array first (keys and fingerprints
   * nearly always are ASCII, and a report has thousands); false, having appended nothing, for any
   * other text. ASCII is its own UTF-8, so the bytes hashed are the same either way.
   */
  private boolean appendAscii(String field) {
    int n = field.length();
    ensureRoom(4 + n);
    int start = length + 4;
    for (int i = 0; i < n; i++) {
      char c = field.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      buffer[start + i] = (byte) c;
    }
    addInt(n);
    length += n;
    return true;
  }

  Sha256 add(boolean flag) {
    ensureRoom(1);
    buffer[length++] = (byte) (flag ? 1 : 0);
    return this;
  }

  String hex() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(buffer, 0, length);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }

  private void addInt(int value) {
    ensureRoom(4);
    buffer[length++] = (byte) (value >>> 24);
    buffer[length++] = (byte) (value >>> 16);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  private void append(byte[] bytes) {
    ensureRoom(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void ensureRoom(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
