package io.configdrift.collector.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One key in one scope, as its instances' majority has it.
 *
 * @param read whether any instance's code read the key
 * @param present whether the key is set
 * @param value the plain value, where the agent revealed it
 * @param fingerprint the value's fingerprint; null when not set
 * @param shortFingerprint its first 8 characters, enough to tell values apart on screen
 * @param defaultUsed whether the code fell back to its own default
 * @param defaultValue that default, where revealed
 * @param valueGroup cells of a row with the same value share this number (from 0, in scope order);
 *     "not set" is a group of its own
 * @param instances how many live instances read or set the key here
 * @param disagree whether those instances hold different values
 * @param badges the kinds of the findings that point at this cell
 * @param winningSource for framework-level keys, the configuration source the value came from
 * @param origin where that source defines the key, when the framework knows it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatrixCell(boolean read, boolean present, String value, String fingerprint,
    String shortFingerprint, boolean defaultUsed, String defaultValue, int valueGroup, int instances,
    boolean disagree, List<FindingKind> badges, String winningSource, String origin) {
  public MatrixCell {
    badges = List.copyOf(badges);
  }
}
