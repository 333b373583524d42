package io.configdrift.collector.engine;

import java.util.Objects;

/**
 * Whether two observed values are the same. Fingerprints only compare when both were made with the
 * same algorithm; otherwise revealed values are compared, and without them the answer is
 * {@link #UNKNOWN}, which never produces a finding (better silent than false drift).
 */
enum Sameness {
  SAME, DIFFERENT, UNKNOWN;

  /**
   * Compares the configured values: two unset keys are the same whatever the code defaults are
   * (that is code drift, not configuration drift); a set key and an unset one differ unless the
   * code's default equals the set value, since the running code then sees the same value.
   */
  static Sameness ofConfigured(Observation x, Observation y) {
    if (!x.present() && !y.present()) {
      return SAME;
    }
    if (x.present() && y.present()) {
      return ofValues(x.algorithm(), x.fingerprint(), x.value(), y.algorithm(), y.fingerprint(), y.value());
    }
    Observation set = x.present() ? x : y;
    Observation unset = x.present() ? y : x;
    if (!unset.defaultUsed()) {
      return DIFFERENT;
    }
    return ofValues(set.algorithm(), set.fingerprint(), set.value(),
        unset.algorithm(), unset.defaultFingerprint(), unset.defaultValue());
  }

  static Sameness ofValues(String algorithmX, String fingerprintX, String valueX,
      String algorithmY, String fingerprintY, String valueY) {
    if (fingerprintX != null && fingerprintY != null && Objects.equals(algorithmX, algorithmY)) {
      return fingerprintX.equals(fingerprintY) ? SAME : DIFFERENT;
    }
    if (valueX != null && valueY != null) {
      return valueX.equals(valueY) ? SAME : DIFFERENT;
    }
    return UNKNOWN;
  }
}
