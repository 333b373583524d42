package io.configdrift.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Says how the fingerprints of a report were computed, so that only comparable ones are compared. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FingerprintInfo {
  /** {@link Fingerprinter#HMAC_SHA256} or {@link Fingerprinter#SHA256}. */
  public String algorithm = Fingerprinter.SHA256;

  public FingerprintInfo() {}

  public FingerprintInfo(String algorithm) {
    this.algorithm = algorithm;
  }
}
