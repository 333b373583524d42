package io.configdrift.agent.recorder;

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
  /** Framework-level keys only: where the value came from, as last worked out. */
  private volatile Provenance provenance;
  /** Framework-level keys only: a provenance newer than {@link #provenance}, still to be worked out. */
  private volatile PendingProvenance pendingProvenance;

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

  /** Whether the key's provenance is yet to be looked up for {@code value}: its first read, or a new value. */
  boolean needsProvenance(String value) {
    PendingProvenance pending = pendingProvenance;
    if (pending != null) {
      return !pending.isFor(value);
    }
    Provenance known = provenance;
    return known == null || !known.isFor(value);
  }

  /** A provenance known at the read already (nothing to ask); replaces one still pending. */
  synchronized void attach(Provenance found) {
    provenance = found;
    pendingProvenance = null;
  }

  synchronized void attachLater(PendingProvenance pending) {
    pendingProvenance = pending;
  }

  /**
   * Works out the pending provenance, if any, outside the lock: asking the framework's sources
   * must not hold up an application thread that reads this key meanwhile.
   */
  void workOutProvenance() {
    PendingProvenance pending = pendingProvenance;
    if (pending == null) {
      return;
    }
    Provenance found = pending.workOut();
    synchronized (this) {
      // A read with a newer value may have replaced it meanwhile; that one is worked out next time.
      if (pendingProvenance == pending) {
        provenance = found;
        pendingProvenance = null;
      }
    }
  }

  boolean hasRoomForCallers() {
    return callerCount < MAX_CALLERS;
  }

  /** Adds a captured stack to resolve later; false when the record has no room for it. */
  synchronized boolean addCaller(Throwable captured, CallerLocator locator) {
    int n = callerCount;
    if (n >= MAX_CALLERS) {
      return false;
    }
    callers[n] = new CallSite(captured, locator);
    callerCount = n + 1;
    return true;
  }

  /**
   * Resolves the captured stacks and keeps each caller once: two reads from one line resolve to
   * the same text, and the second gives its place back to a caller not seen yet. Returns how many
   * stacks it resolved.
   */
  synchronized int resolveCallers() {
    int resolved = 0;
    int kept = 0;
    for (int i = 0; i < callerCount; i++) {
      CallSite site = callers[i];
      if (!site.isResolved()) {
        site.resolve();
        resolved++;
      }
      if (site.text() != null && !containsText(kept, site.text())) {
        callers[kept++] = site;
      }
    }
    for (int i = kept; i < callerCount; i++) {
      callers[i] = null;
    }
    callerCount = kept;
    return resolved;
  }

  /**
   * The state for a report; callers captured since the last {@link #resolveCallers()}, and a
   * provenance pending since the last {@link #workOutProvenance()}, show in the next one.
   */
  synchronized KeyState state() {
    String[] texts = new String[callerCount];
    int known = 0;
    for (int i = 0; i < callerCount; i++) {
      if (callers[i].isResolved()) {
        texts[known++] = callers[i].text();
      }
    }
    return new KeyState(source, key, lastValue, valueChanged, defaultUsed, defaultValue,
        count.get(), firstReadAt, lastReadAt, known == texts.length ? texts : Arrays.copyOf(texts, known), provenance);
  }

  private boolean containsText(int length, String text) {
    for (int i = 0; i < length; i++) {
      if (callers[i].text().equals(text)) {
        return true;
      }
    }
    return false;
  }
}
