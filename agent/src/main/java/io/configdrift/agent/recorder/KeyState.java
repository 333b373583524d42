package io.configdrift.agent.recorder;

import java.util.Arrays;
import java.util.List;

/** A consistent copy of one {@link KeyRecord}, taken for a report. Holds the plain value: never log it. */
public final class KeyState {
  public final int source;
  public final String key;
  /** The value at the last read; null when the key was not set. */
  public final String value;
  public final boolean valueChanged;
  public final boolean defaultUsed;
  public final String defaultValue;
  public final long count;
  public final long firstReadAt;
  public final long lastReadAt;
  public final List<String> callers;
  /** Framework-level keys: where the value came from; null for JDK reads. */
  public final Provenance provenance;

  KeyState(int source, String key, String value, boolean valueChanged, boolean defaultUsed,
      String defaultValue, long count, long firstReadAt, long lastReadAt, String[] callers,
      Provenance provenance) {
    this.source = source;
    this.key = key;
    this.value = value;
    this.valueChanged = valueChanged;
    this.defaultUsed = defaultUsed;
    this.defaultValue = defaultValue;
    this.count = count;
    this.firstReadAt = firstReadAt;
    this.lastReadAt = lastReadAt;
    this.callers = Arrays.asList(callers);
    this.provenance = provenance;
  }
}
