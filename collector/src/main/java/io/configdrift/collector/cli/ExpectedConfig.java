package io.configdrift.collector.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration a service should run with, as a deployment declares it: keys and their plain
 * values. The values may be secrets; they are only ever fingerprinted, so {@link #toString()}
 * names the keys and never a value.
 */
final class ExpectedConfig {
  private final String origin;
  private final Map<String, String> values;

  ExpectedConfig(String origin, Map<String, String> values) {
    this.origin = origin;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Where the values came from, for messages: the file. */
  String origin() {
    return origin;
  }

  /** Key to plain value, in the file's order. */
  Map<String, String> values() {
    return values;
  }

  @Override
  public String toString() {
    return origin + " " + values.keySet();
  }
}
