package io.configdrift.agent.frameworks;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent never links against a framework: it finds the framework's types in the class loader
 * that loaded the hooked class, once, and calls them through these handles.
 */
public final class Reflection {
  private Reflection() {}

  /** The class named {@code name} as {@code loader} sees it, not initialized; null when it is absent. */
  public static Class<?> optionalType(ClassLoader loader, String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError absent) {
      return null;
    }
  }

  public static Class<?> type(ClassLoader loader, String name) throws ClassNotFoundException {
    return Class.forName(name, false, loader);
  }

  /** A public method of a public type (for a non-public implementation, look it up on its public interface). */
  public static Method method(Class<?> owner, String name, Class<?>... parameters) throws NoSuchMethodException {
    return owner.getMethod(name, parameters);
  }

  /** A field declared by {@code owner} or one of its superclasses, made accessible. */
  public static Field field(Class<?> owner, String name) throws NoSuchFieldException {
    for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException notHere) {
        // Look in the superclass.
      }
    }
    throw new NoSuchFieldException(owner.getName() + "." + name);
  }

  /** Calls {@code method}; what it throws comes out unchecked. */
  public static Object call(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(method.getName() + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(method.getName() + " is not accessible", e);
    }
  }

  public static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(field.getName() + " is not accessible", e);
    }
  }

  /** The elements of a framework's list (of sources) as they are now, for asking them later. */
  public static List<Object> copyOf(Iterable<?> elements) {
    List<Object> copy = new ArrayList<>();
    for (Object element : elements) {
      copy.add(element);
    }
    return copy;
  }

  /** A value as the String the report fingerprints; null stays null. */
  public static String text(Object value) {
    return value == null ? null : value instanceof String ? (String) value : value.toString();
  }
}
