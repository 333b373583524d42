package io.configdrift.agent.recorder;

/**
 * Reads a framework's objects, by reflection, for one kind of logical read: the key and value of a
 * lookup, and on a key's first read (or a changed value) where the value came from. Implementations
 * must cost little in {@link #key} and {@link #value}, which run on every read, and in
 * {@link #provenanceLookup}, which only notes what to ask; asking it is left to the reporter thread.
 * Any of them may throw, and the read is then not recorded (or recorded without provenance).
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

  /**
   * On the reading thread, what working out where the value came from needs: the objects the
   * lookup returned and a copy of the list of sources it searched, so that sources added later do
   * not count, but no source is asked anything yet. {@code value} is what {@link #value} returned
   * and is never null.
   */
  ProvenanceLookup provenanceLookup(Object owner, Object key, Object result, String value);

  /**
   * Works out a provenance on the reporter thread, from what {@link #provenanceLookup} kept: asking
   * every source for the key costs start-up time that the application would otherwise spend
   * starting, and the sources answer the same later (an application's environment is read from
   * many threads, so asking from another one is safe). May throw.
   */
  interface ProvenanceLookup {
    Provenance provenance();
  }
}
