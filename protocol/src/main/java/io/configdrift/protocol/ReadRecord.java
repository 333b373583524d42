package io.configdrift.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** Everything the agent knows about one configuration key the running code read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReadRecord {
  /** One of {@link Sources}: {@code env}, {@code sysprop}, {@code spring}, {@code microprofile} (sources are added, never renamed). */
  public String source;
  public String key;
  /** Whether the key was set at the last read. */
  public boolean present;
  /** Fingerprint of the value at the last read; absent when the key was not set. */
  public String fingerprint;
  /** The plain value, only when the reveal policy allows it. */
  public String value;
  /** Whether a read fell back to a default the code supplied because the key was not set. */
  public boolean defaultUsed;
  public String defaultFingerprint;
  public String defaultValue;
  public long count;
  public String firstReadAt;
  public String lastReadAt;
  /** Up to three distinct code locations that read the key, e.g. {@code com.acme.Payment.charge(Payment.java:42)}. */
  public List<String> callers = new ArrayList<>();
  /** Whether the key was seen with more than one value during the run. */
  public boolean valueChanged;

  // Framework-level (logical) reads only: sources spring and microprofile. Absent for env and sysprop.

  /** The name of the configuration source that supplied the value, e.g. {@code systemEnvironment}. */
  public String winningSource;
  /** Where the winning source defines the key, when the framework knows it, e.g. {@code class path resource [application.yml] - 3:14}. */
  public String origin;
  /** The winning source's ordinal (MicroProfile Config only). */
  public Integer winningOrdinal;
  /** The other sources that define the key too, in the framework's order of precedence; empty when none does. */
  public List<CandidateRecord> candidates;
}
