package io.configdrift.agent.recorder;

import io.configdrift.agent.bootstrap.ReadListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps what the application read, per (source, key), within a fixed number of keys. Called on
 * application threads for every read, so the common path is a map lookup and a few field writes;
 * the stack that shows the caller is captured only on a key's reads number 1, 2, 4, 8, ... while it
 * has room for more callers, which bounds its cost per key to a logarithm of the reads, and is
 * resolved on the reporter thread.
 */
public final class ConfigRecorder implements ReadListener {
  /** env, sysprop, spring, microprofile: the {@code SOURCE_*} constants of {@link ReadListener}. */
  private static final int SOURCES = 4;
  /**
   * At most this many captured stacks wait to be resolved (a few megabytes: one holds 1.4 to 2.8 KB
   * at a depth of 40 to 120 frames); a read beyond it captures none, and the key's next read
   * numbered a power of two tries again.
   */
  static final int MAX_PENDING_CALLERS = 2048;

  private final int maxKeys;
  private final Clock clock;
  private final CallerLocator jdkCallers = CallerLocator.forJdkReads();
  @SuppressWarnings("unchecked")
  private final ConcurrentHashMap<String, KeyRecord>[] bySource = new ConcurrentHashMap[SOURCES];
  private final AtomicInteger keys = new AtomicInteger();
  /** Captured stacks not yet resolved, across all records. */
  private final AtomicInteger pendingCallers = new AtomicInteger();
  /** Not a LongAdder: drops are rare, and its class initialization costs premain a millisecond. */
  private final AtomicLong dropped = new AtomicLong();

  /** Milliseconds since the epoch; a parameter so tests can control time. */
  public interface Clock {
    long millis();
  }

  public ConfigRecorder(int maxKeys, Clock clock) {
    this.maxKeys = maxKeys;
    this.clock = clock;
    for (int i = 0; i < SOURCES; i++) {
      bySource[i] = new ConcurrentHashMap<>();
    }
  }

  @Override
  public void onRead(int source, String key, String value) {
    if (isJdkSource(source)) {
      record(source, key, value, jdkCallers);
    }
  }

  @Override
  public void onFrameworkRead(int source, String key, String value) {
    if (isJdkSource(source)) {
      record(source, key, value, null);
    }
  }

  /** The sources that arrive through {@link ReadListener}; framework-level reads come through {@link LogicalReadRecorder}. */
  private static boolean isJdkSource(int source) {
    return source == SOURCE_ENV || source == SOURCE_SYSPROP;
  }

  /**
   * Counts a read of any source; returns the key's record, or null when the key limit dropped it.
   * {@code callers} finds the application code behind the read; null for reads that no application
   * code makes directly.
   */
  KeyRecord record(int source, String key, String value, CallerLocator callers) {
    if (source < 0 || source >= SOURCES) {
      return null;
    }
    long now = clock.millis();
    KeyRecord record = bySource[source].get(key);
    if (record == null) {
      record = admit(source, key, value, now);
      if (record == null) {
        return null;
      }
    }
    long count = record.recordRead(value, now);
    if (callers != null && (count & (count - 1)) == 0 && record.hasRoomForCallers()
        && pendingCallers.get() < MAX_PENDING_CALLERS && record.addCaller(callers.capture(), callers)) {
      pendingCallers.incrementAndGet();
    }
    return record;
  }

  @Override
  public void onDefault(int source, String key, String defaultValue) {
    if (!isJdkSource(source)) {
      return;
    }
    KeyRecord record = bySource[source].get(key);
    if (record != null) {
      record.recordDefault(defaultValue);
    }
  }

  /** Adds a key unless the limit is reached, in which case the read only counts as dropped. */
  private KeyRecord admit(int source, String key, String value, long now) {
    if (keys.incrementAndGet() > maxKeys) {
      keys.decrementAndGet();
      KeyRecord raced = bySource[source].get(key);
      if (raced == null) {
        dropped.incrementAndGet();
      }
      return raced;
    }
    KeyRecord fresh = new KeyRecord(source, key, now, value);
    KeyRecord existing = bySource[source].putIfAbsent(key, fresh);
    if (existing != null) {
      keys.decrementAndGet();
      return existing;
    }
    return fresh;
  }

  /**
   * Resolves every captured stack when half the room for them is used, so that the room rarely
   * runs out between reports; the reporter thread's work, on its tick.
   */
  public void resolveCallersWhenMany() {
    if (pendingCallers.get() < MAX_PENDING_CALLERS / 2) {
      return;
    }
    int resolved = 0;
    for (ConcurrentHashMap<String, KeyRecord> records : bySource) {
      for (KeyRecord record : records.values()) {
        resolved += record.resolveCallers();
      }
    }
    pendingCallers.addAndGet(-resolved);
  }

  /**
   * A copy of everything recorded so far, each record's captured callers resolved and its pending
   * provenance worked out first: the reporter thread's work, in one pass over the records.
   */
  public List<KeyState> snapshot() {
    List<KeyState> out = new ArrayList<>(keys.get());
    int resolved = 0;
    for (ConcurrentHashMap<String, KeyRecord> records : bySource) {
      for (KeyRecord record : records.values()) {
        resolved += record.resolveCallers();
        record.workOutProvenance();
        out.add(record.state());
      }
    }
    pendingCallers.addAndGet(-resolved);
    return out;
  }

  public long dropped() {
    return dropped.get();
  }
}
