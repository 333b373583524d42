package io.configdrift.agent.recorder;

import java.lang.StackWalker.StackFrame;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the recorder keeps about one key of one source. Updated from any application thread
 * without locks on the common path (a read of an unchanged value): a count, a timestamp and two
 * reference comparisons.
 */
final class KeyRecord {
  static final int MAX_CALLERS = 3;

  final int source;
  final String key;
  final long firstReadAt;
  private final AtomicLong count = new AtomicLong();
  private volatile long lastReadAt;
  private volatile String lastValue;
  private volatile boolean valueChanged;
  private volatile String defaultValue;
  private volatile boolean defaultUsed;
  private final CallSite[] callers = new CallSite[MAX_CALLERS];
  private volatile int callerCount;
  /** Framework-level keys only: where the value came from. */
  private volatile Provenance provenance;

  KeyRecord(int source, String key, long now, String firstValue) {
    this.source = source;
    this.key = key;
    this.firstReadAt = now;
    this.lastValue = firstValue;
  }

  /** Counts a read and returns the new count. */
  long recordRead(String value, long now) {
    // Writing a volatile field costs a fence; with a coarse clock most reads need no write at all.
    if (lastReadAt != now) {
      lastReadAt = now;
    }
    String previous = lastValue;
    // Reads of an unchanged key return the same String instance, so identity settles most reads.
    if (value != previous && (value == null || !value.equals(previous))) {
      lastValue = value;
      valueChanged = true;
    }
    return count.incrementAndGet();
  }

  void recordDefault(String offered) {
    if (lastValue == null && (!defaultUsed || !offered.equals(defaultValue))) {
      defaultValue = offered;
      defaultUsed = true;
    }
  }

  /** Whether the key's provenance is yet to be worked out for {@code value}: its first read, or a new value. */
  boolean needsProvenance(String value) {
    Provenance known = provenance;
    return known == null || !known.isFor(value);
  }

  void attach(Provenance found) {
    provenance = found;
  }

  boolean hasRoomForCallers() {
    return callerCount < MAX_CALLERS;
  }

  synchronized void addCaller(StackFrame caller) {
    int n = callerCount;
    for (int i = 0; i < n; i++) {
      if (callers[i].isAt(caller)) {
        return;
      }
    }
    if (n < MAX_CALLERS) {
      callers[n] = new CallSite(caller);
      callerCount = n + 1;
    }
  }

  synchronized KeyState state() {
    return new KeyState(source, key, lastValue, valueChanged, defaultUsed, defaultValue,
        count.get(), firstReadAt, lastReadAt, callerTexts(), provenance);
  }

  /**
   * The callers as text, each once: two call sites on one line read the same, and the second one
   * gives its place back to a caller not seen yet.
   */
  private String[] callerTexts() {
    int distinct = 0;
    String[] texts = new String[callerCount];
    for (int i = 0; i < callerCount; i++) {
      String text = callers[i].text();
      if (!contains(texts, distinct, text)) {
        callers[distinct] = callers[i];
        texts[distinct++] = text;
      }
    }
    for (int i = distinct; i < callerCount; i++) {
      callers[i] = null;
    }
    callerCount = distinct;
    return distinct == texts.length ? texts : Arrays.copyOf(texts, distinct);
  }

  private static boolean contains(String[] texts, int length, String text) {
    for (int i = 0; i < length; i++) {
      if (texts[i].equals(text)) {
        return true;
      }
    }
    return false;
  }
}
