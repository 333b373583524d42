package io.configdrift.collector.storage;

import java.time.Instant;

/**
 * How values the API allows to be null or precise are kept in columns. Unique constraints treat
 * NULLs as distinct, so "no region" and "not set" are stored as empty strings; times are epoch
 * milliseconds, so stored times are truncated to the millisecond.
 */
final class Columns {
  private static final String NONE = "";

  private Columns() {}

  static String region(String region) {
    return region == null ? NONE : region;
  }

  static String regionOrNull(String column) {
    return column.isEmpty() ? null : column;
  }

  /** A read whose key was not set has no fingerprint; it is still a value of the key's timeline. */
  static String fingerprint(String fingerprint) {
    return fingerprint == null ? NONE : fingerprint;
  }

  static String fingerprintOrNull(String column) {
    return column.isEmpty() ? null : column;
  }

  static long millis(Instant time) {
    return time.toEpochMilli();
  }

  static Instant instant(long millis) {
    return Instant.ofEpochMilli(millis);
  }
}
