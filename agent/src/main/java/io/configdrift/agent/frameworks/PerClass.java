package io.configdrift.agent.frameworks;

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

  /** Works out the value for a class; may throw, which counts as unavailable. */
  protected abstract T compute(Class<?> type) throws Exception;

  /** The value for {@code type}, or null when it could not be worked out. */
  @SuppressWarnings("unchecked")
  public final T get(Class<?> type) {
    Object value = values.get(type);
    return value == UNAVAILABLE ? null : (T) value;
  }

  /** The value for the class of {@code instance}; null for a null instance too. */
  public final T forInstance(Object instance) {
    return instance == null ? null : get(instance.getClass());
  }
}
