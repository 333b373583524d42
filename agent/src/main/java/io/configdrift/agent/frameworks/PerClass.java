package io.configdrift.agent.frameworks;

/**
 * Something worked out once per class (a framework's reflective handles, found in that class's
 * loader) and kept with the class, so it goes when the class is unloaded. A failure is kept too, as
 * null, so a class the agent cannot handle costs one attempt and not one per read.
 */
public final class PerClass<T> {
  private static final Object UNAVAILABLE = new Object();

  /** Works out the value for a class; may throw, which counts as unavailable. */
  public interface Computation<T> {
    T compute(Class<?> type) throws Exception;
  }

  private final ClassValue<Object> values;

  private PerClass(Computation<T> computation) {
    this.values = new ClassValue<Object>() {
      @Override
      protected Object computeValue(Class<?> type) {
        try {
          T value = computation.compute(type);
          return value == null ? UNAVAILABLE : value;
        } catch (Exception | LinkageError e) {
          return UNAVAILABLE;
        }
      }
    };
  }

  public static <T> PerClass<T> of(Computation<T> computation) {
    return new PerClass<>(computation);
  }

  /** The value for {@code type}, or null when it could not be worked out. */
  @SuppressWarnings("unchecked")
  public T get(Class<?> type) {
    Object value = values.get(type);
    return value == UNAVAILABLE ? null : (T) value;
  }

  /** The value for the class of {@code instance}; null for a null instance too. */
  public T forInstance(Object instance) {
    return instance == null ? null : get(instance.getClass());
  }
}
