package io.configdrift.collector.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The two tokens: one lets agents send reports, the other lets people and tools read. Each is
 * optional; an endpoint whose token is not configured is open. Comparisons take the same time
 * whatever the bytes, so a token cannot be guessed byte by byte from response times.
 */
final class AccessControl {
  enum Verdict { ALLOWED, MISSING, WRONG }

  private final byte[] ingestToken;
  private final byte[] readToken;

  AccessControl(String ingestToken, String readToken) {
    this.ingestToken = bytes(ingestToken);
    this.readToken = bytes(readToken);
  }

  Verdict mayIngest(String authorizationHeader) {
    return check(ingestToken, authorizationHeader);
  }

  Verdict mayRead(String authorizationHeader) {
    return check(readToken, authorizationHeader);
  }

  private static Verdict check(byte[] expected, String header) {
    if (expected == null) {
      return Verdict.ALLOWED;
    }
    String presented = bearer(header);
    if (presented == null) {
      return Verdict.MISSING;
    }
    return MessageDigest.isEqual(sha256(expected), sha256(presented.getBytes(StandardCharsets.UTF_8)))
        ? Verdict.ALLOWED : Verdict.WRONG;
  }

  /** Hashing first makes the comparison independent of the tokens' lengths too. */
  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  private static byte[] bytes(String token) {
    return token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }
}
