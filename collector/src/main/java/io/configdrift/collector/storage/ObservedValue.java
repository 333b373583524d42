package io.configdrift.collector.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configdrift.protocol.ReadRecord;
import java.util.Comparator;
import java.util.List;

/**
 * The value one read reported, in column form: what a timeline entry and a sighting are made of.
 *
 * @param keyHash {@link #hashOfKey(String, String)} of source and key
 * @param fingerprint the fingerprint, or "" when the key was not set
 * @param revealedValue the plain value where the agent revealed it, else null
 * @param callersJson the callers the read reported, as a JSON array
 */
record ObservedValue(String source, String key, String keyHash, String fingerprint, String revealedValue,
    String callersJson) {
  /** The order in which ingests take locks on timeline values; one order for all avoids deadlocks. */
  static final Comparator<ObservedValue> LOCK_ORDER =
      Comparator.comparing(ObservedValue::keyHash).thenComparing(ObservedValue::fingerprint);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  static ObservedValue of(ReadRecord read) {
    String fingerprint = read.present ? read.fingerprint : null;
    return new ObservedValue(read.source, read.key, hashOfKey(read.source, read.key), Columns.fingerprint(fingerprint),
        read.present ? read.value : null, callersJson(read.callers));
  }

  /** Identifies a key in indexes, which cannot hold the longest keys themselves. */
  static String hashOfKey(String source, String key) {
    return Sha256.of(source, key);
  }

  /** What identifies the value within its environment and region. */
  ValueRef ref() {
    return new ValueRef(keyHash, fingerprint);
  }

  static List<String> callers(String callersJson) {
    try {
      return JSON.readValue(callersJson, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored callers are not a JSON array of strings", e);
    }
  }

  private static String callersJson(List<String> callers) {
    try {
      return JSON.writeValueAsString(callers == null ? List.of() : callers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings could not be written as JSON", e);
    }
  }

  /** A timeline value's identity within one environment and region. */
  record ValueRef(String keyHash, String fingerprint) {}
}
