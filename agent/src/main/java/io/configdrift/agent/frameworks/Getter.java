package io.configdrift.agent.frameworks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * A framework's getter, read as the field behind it where that field is there and accessible, else
 * called. On JDK 17 reflection generates a class for every method it calls more than 15 times
 * (the first one also starts the generator), while a field read generates none; the getters the
 * agent uses while an application starts are each called hundreds of times.
 */
public final class Getter {
  /** Null when the method is called instead. */
  private final Field field;
  private final Method method;

  private Getter(Field field, Method method) {
    this.field = field;
    this.method = method;
  }

  /**
   * The getter {@code methodName} of {@code owner}, which returns its field {@code fieldName} as it
   * is (the framework versions the agent knows do). The method is looked up only when the field is
   * not there: looking up a public method lists every public method of the class and its supertypes.
   */
  public static Getter of(Class<?> owner, String fieldName, String methodName) throws NoSuchMethodException {
    try {
      return new Getter(Reflection.field(owner, fieldName), null);
    } catch (NoSuchFieldException | RuntimeException notThisVersionOrNotOpen) {
      return new Getter(null, Reflection.method(owner, methodName));
    }
  }

  public Object get(Object target) {
    return field != null ? Reflection.read(field, target) : Reflection.call(method, target);
  }
}
