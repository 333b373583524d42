package io.configdrift.collector.engine;

import io.configdrift.protocol.Fingerprinter;
import java.util.Optional;

/**
 * Fingerprints an expected value the way a report's algorithm would, so that policy rules can check
 * values the agent did not reveal. Plain SHA-256 needs no secret; HMAC-SHA256 fingerprints need
 * the fleet key, which the collector has only when it is configured with it.
 */
@FunctionalInterface
public interface ValueFingerprints {
  /** The fingerprint {@code value} has under {@code algorithm}, or empty when it cannot be computed here. */
  Optional<String> fingerprint(String algorithm, String value);

  /** Can compute plain SHA-256 fingerprints only: a collector without the fleet key. */
  static ValueFingerprints unkeyedOnly() {
    Fingerprinter sha256 = Fingerprinter.unkeyed();
    return (algorithm, value) -> Fingerprinter.SHA256.equals(algorithm)
        ? Optional.of(sha256.fingerprint(value)) : Optional.empty();
  }

  /** Plain SHA-256 and, when {@code fingerprinter} is keyed, the fleet's HMAC-SHA256 too. */
  static ValueFingerprints using(Fingerprinter fingerprinter) {
    ValueFingerprints unkeyed = unkeyedOnly();
    if (!fingerprinter.isKeyed()) {
      return unkeyed;
    }
    return (algorithm, value) -> Fingerprinter.HMAC_SHA256.equals(algorithm)
        ? Optional.of(fingerprinter.fingerprint(value)) : unkeyed.fingerprint(algorithm, value);
  }
}
