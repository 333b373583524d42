package io.configdrift.collector.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One side of a finding: what a scope (or a group of instances in it) has for the key.
 *
 * @param scope the scope, as text ({@code production/eu-west-1})
 * @param read whether any live instance in the scope read the key
 * @param present whether the key is set there
 * @param value the plain value, only where the agent revealed it
 * @param fingerprint the value's fingerprint, null when not set
 * @param defaultUsed whether the code fell back to its own default there
 * @param defaultValue that default, where revealed
 * @param since since when this value has been seen in the scope
 * @param instances the instances that hold this value
 * @param winningSource for framework-level keys, the configuration source the value came from
 * @param origin where that source defines the key, when the framework knows it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Side(String scope, boolean read, boolean present, String value, String fingerprint,
    boolean defaultUsed, String defaultValue, Instant since, List<String> instances, String winningSource,
    String origin) {
  public Side {
    instances = instances == null ? List.of() : List.copyOf(instances);
  }
}
