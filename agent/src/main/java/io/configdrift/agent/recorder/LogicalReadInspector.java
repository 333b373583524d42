package io.configdrift.agent.recorder;

/**
 * Reads a framework's objects, by reflection, for one kind of logical read: the key and value of a
 * lookup, and on a key's first read (or a changed value) where the value came from. Implementations
 * must cost little in {@link #key} and {@link #value}, which run on every read; any of them may throw,
 * and the read is then not recorded (or recorded without provenance).
 */
public interface LogicalReadInspector {
  /** The source the reads are recorded under, {@code ReadListener.SOURCE_SPRING} or {@code SOURCE_MICROPROFILE}. */
  int source();

  /**
   * Whether application code calls the intercepted method closely enough for the caller to be
   * found; when not (the framework's own binding), no stack is walked for callers.
   */
  boolean hasApplicationCallers();

  /** The key as reported, or null when the read is not one to record. */
  String key(Object key, Object result, Object detail);

  /** The value the lookup returned, as a String; null when the key was not set. */
  String value(Object result);

  /** Where the value came from; {@code value} is what {@link #value} returned. */
  Provenance provenance(Object owner, Object key, Object result, String value);
}
