package io.configdrift.agent.frameworks;

import java.lang.ref.WeakReference;

/**
 * Something worked out once per class (a framework's reflective handles, found in that class's
 * loader) and kept with the class, so it goes when the class is unloaded. A failure is kept too, as
 * null, so a class the agent cannot handle costs one attempt and not one per read.
 *
 * <p>Subclasses are anonymous classes rather than lambdas: they are created while the agent
 * starts, where every lambda shape costs the JVM a generated class.
 */
public abstract class PerClass<T> {
  private static final Object UNAVAILABLE = new Object();
  /** How many classes {@link #recent} remembers: one hooked read asks about three at most. */
  private static final int RECENT = 4;

  private final ClassValue<Object> values = new ClassValue<Object>() {
    @Override
    protected Object computeValue(Class<?> type) {
      try {
        T value = compute(type);
        return value == null ? UNAVAILABLE : value;
      } catch (Exception | LinkageError e) {
        return UNAVAILABLE;
      }
    }
  };

  /**
   * The classes asked about last and their values, as {class, value, class, value, ...}, in front of
   * {@link #values}: while the JVM still interprets (an application's start-up, when most reads
   * happen) {@code ClassValue.get} cost more than the rest of a framework read. Never changed once
   * published, so a class is never paired with another's value; weakly held, so that it keeps no
   * class loader alive: a garbage collection empties it and the next reads fill it again.
   */
  private volatile WeakReference<Object[]> recent = new WeakReference<>(null);

  /** Works out the value for a class; may throw, which counts as unavailable. */
  protected abstract T compute(Class<?> type) throws Exception;

  /** The value for {@code type}, or null when it could not be worked out. */
  @SuppressWarnings("unchecked")
  public final T get(Class<?> type) {
    Object[] remembered = recent.get();
    Object value = remembered == null ? null : lookUp(remembered, type);
    if (value == null) {
      value = values.get(type);
      recent = new WeakReference<>(remember(remembered, type, value));
    }
    return value == UNAVAILABLE ? null : (T) value;
  }

  /** The value for the class of {@code instance}; null for a null instance too. */
  public final T forInstance(Object instance) {
    return instance == null ? null : get(instance.getClass());
  }

  private static Object lookUp(Object[] remembered, Class<?> type) {
    for (int i = 0; i < remembered.length; i += 2) {
      if (remembered[i] == type) {
        return remembered[i + 1];
      }
    }
    return null;
  }

  /** A new array with {@code type} first, then the most recent of {@code remembered}. */
  private static Object[] remember(Object[] remembered, Class<?> type, Object value) {
    int kept = remembered == null ? 0 : Math.min(remembered.length, 2 * (RECENT - 1));
    Object[] updated = new Object[kept + 2];
    updated[0] = type;
    updated[1] = value;
    if (kept > 0) {
      System.arraycopy(remembered, 0, updated, 2, kept);
    }
    return updated;
  }
}
