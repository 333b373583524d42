package io.configdrift.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance's report: what its code read, what was set, and who it is. This is the body of the
 * offline report file and of {@code POST /v1/reports}; docs/report-format.md documents every field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Report {
  /** Bumped only when a reader of version 1 would misread a report. */
  public static final int SCHEMA_VERSION = 1;

  public int schemaVersion = SCHEMA_VERSION;
  public String service;
  public String environment;
  public String region;
  public String instance;
  public String serviceVersion;
  public String agentVersion;
  /** When the agent started recording in this JVM (ISO-8601). */
  public String startedAt;
  public String generatedAt;
  /** Counts this instance's reports from 1; a collector keeps the highest it has seen. */
  public long sequence;
  public FingerprintInfo fingerprint = new FingerprintInfo();
  public List<ReadRecord> reads = new ArrayList<>();
  public List<AvailableRecord> available = new ArrayList<>();
  /** Reads of keys beyond the agent's key limit, counted but not recorded. */
  public long dropped;
}
