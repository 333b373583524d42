package io.configdrift.collector.engine;

import java.util.Comparator;

/** A configuration key as the engine compares it: the same key name in another source is another key. */
record ConfigKey(String source, String key) implements Comparable<ConfigKey> {
  private static final Comparator<ConfigKey> ORDER = Comparator
      .comparing(ConfigKey::source, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
      .thenComparing(ConfigKey::key, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

  @Override
  public int compareTo(ConfigKey other) {
    return ORDER.compare(this, other);
  }
}
