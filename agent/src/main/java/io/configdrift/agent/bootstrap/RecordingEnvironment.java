package io.configdrift.agent.bootstrap;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The map {@code System.getenv()} returns while the agent runs: the JVM's own unmodifiable
 * environment map, with lookups by key ({@code get}, {@code getOrDefault}, {@code containsKey})
 * recorded. Everything else, iteration included, is passed through untouched, so iterating the
 * environment marks no key as read, and every call answers and throws exactly as the JVM's map.
 */
final class RecordingEnvironment extends AbstractMap<String, String> {
  private final Map<String, String> delegate;

  RecordingEnvironment(Map<String, String> delegate) {
    this.delegate = delegate;
  }

  boolean wraps(Map<String, String> map) {
    return delegate == map;
  }

  @Override
  public String get(Object key) {
    String value = delegate.get(key);
    if (key instanceof String) {
      ConfigReadHook.read(ReadListener.SOURCE_ENV, (String) key, value);
    }
    return value;
  }

  @Override
  public String getOrDefault(Object key, String defaultValue) {
    // The environment holds no null values, so a null from get() means "not set".
    String value = delegate.get(key);
    if (key instanceof String) {
      ConfigReadHook.read(ReadListener.SOURCE_ENV, (String) key, value);
      if (value == null && defaultValue != null) {
        ConfigReadHook.offerDefault(ReadListener.SOURCE_ENV, (String) key, defaultValue);
      }
    }
    return value != null ? value : defaultValue;
  }

  @Override
  public boolean containsKey(Object key) {
    boolean contained = delegate.containsKey(key);
    if (key instanceof String) {
      ConfigReadHook.read(ReadListener.SOURCE_ENV, (String) key, contained ? delegate.get(key) : null);
    }
    return contained;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return delegate.entrySet();
  }

  @Override
  public Set<String> keySet() {
    return delegate.keySet();
  }

  @Override
  public Collection<String> values() {
    return delegate.values();
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public boolean isEmpty() {
    return delegate.isEmpty();
  }

  @Override
  public boolean containsValue(Object value) {
    return delegate.containsValue(value);
  }

  @Override
  public String put(String key, String value) {
    return delegate.put(key, value);
  }

  @Override
  public String remove(Object key) {
    return delegate.remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ? extends String> map) {
    delegate.putAll(map);
  }

  @Override
  public void clear() {
    delegate.clear();
  }

  @Override
  public String putIfAbsent(String key, String value) {
    return delegate.putIfAbsent(key, value);
  }

  @Override
  public String computeIfAbsent(String key, Function<? super String, ? extends String> mapping) {
    return delegate.computeIfAbsent(key, mapping);
  }

  @Override
  public String merge(String key, String value,
      BiFunction<? super String, ? super String, ? extends String> remapping) {
    return delegate.merge(key, value, remapping);
  }

  @Override
  public boolean equals(Object other) {
    return delegate.equals(other);
  }

  @Override
  public int hashCode() {
    return delegate.hashCode();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
