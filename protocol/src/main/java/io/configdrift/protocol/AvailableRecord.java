package io.configdrift.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A key that is set in the process, read or not; it never carries a plain value. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AvailableRecord {
  public String source;
  public String key;
  public String fingerprint;

  public AvailableRecord() {}

  public AvailableRecord(String source, String key, String fingerprint) {
    this.source = source;
    this.key = key;
    this.fingerprint = fingerprint;
  }
}
