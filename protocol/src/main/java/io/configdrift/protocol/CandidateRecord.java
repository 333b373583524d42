package io.configdrift.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A configuration source that also defines a framework-level key but lost to the winning source:
 * its value is shadowed. Like a read, it carries a fingerprint and a plain value only where the
 * reveal policy allows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class CandidateRecord {
  /** The source's name as the framework knows it, e.g. {@code class path resource [application.yml]} or {@code EnvConfigSource}. */
  public String source;
  public String fingerprint;
  /** The plain value, only when the reveal policy allows it. */
  public String value;
  /** Where in the source the key is defined, when the framework knows it, e.g. {@code class path resource [application.yml] - 3:14}. */
  public String origin;
  /** The source's ordinal (MicroProfile Config only): higher ordinals win. */
  public Integer ordinal;
}
