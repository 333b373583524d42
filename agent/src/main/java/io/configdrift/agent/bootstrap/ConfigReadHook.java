package io.configdrift.agent.bootstrap;

import java.util.Map;

/**
 * The static methods that instrumented JDK code calls after a configuration read. They sit on the
 * boot class path because {@code java.lang.System} and {@code java.util.Properties} can only see
 * classes there.
 *
 * <p>Every method here is a suppression boundary: it never throws into the JDK method that called
 * it, whatever the listener does. The hot path allocates nothing: a listener check, a thread-local
 * re-entry guard, and the listener call.
 *
 * <p>The guard serves two purposes: reads the listener itself causes (the stack walk it does may
 * read a property) are not recorded and cannot recurse, and threads of the agent mark themselves
 * as permanently guarded so that the libraries it uses are never recorded.
 */
public final class ConfigReadHook {
  private static volatile ReadListener listener;
  private static volatile LogicalReadListener logicalListener;
  /** The system {@code Properties} object; reads on any other {@code Properties} are not configuration. */
  private static volatile Object systemProperties;
  private static volatile RecordingEnvironment environment;

  /** A depth no nesting reaches: the thread is the agent's own. */
  private static final int IGNORED_THREAD = Integer.MAX_VALUE / 2;

  /**
   * Inheritable so that threads the agent's libraries start (an HTTP client's pool, say) stay
   * ignored; application threads start at depth 0 whatever their parent was doing.
   */
  private static final ThreadLocal<Guard> GUARD = new InheritableThreadLocal<Guard>() {
    @Override
    protected Guard initialValue() {
      return new Guard();
    }

    @Override
    protected Guard childValue(Guard parent) {
      Guard child = new Guard();
      child.depth = parent.depth >= IGNORED_THREAD ? IGNORED_THREAD : 0;
      return child;
    }
  };

  private ConfigReadHook() {}

  /** Starts delivering reads to {@code readListener}; {@code properties} is {@code System.getProperties()}. */
  public static void install(ReadListener readListener, Object properties) {
    systemProperties = properties;
    listener = readListener;
  }

  /** Starts delivering framework-level reads to {@code readListener}; null stops it. */
  public static void installLogical(LogicalReadListener readListener) {
    logicalListener = readListener;
  }

  /** Marks the current thread as the agent's own: nothing it reads is ever recorded. */
  public static void ignoreCurrentThread() {
    GUARD.get().depth = IGNORED_THREAD;
  }

  /** Suppresses recording on this thread until the matching {@link #endIgnore()}. */
  public static void beginIgnore() {
    GUARD.get().depth++;
  }

  public static void endIgnore() {
    GUARD.get().depth--;
  }

  /** After {@code System.getenv(String)}. */
  public static void env(String value, String key) {
    read(ReadListener.SOURCE_ENV, key, value);
  }

  /** After {@code System.getenv()}: the same map, made to record lookups (its iteration records nothing). */
  public static Map<String, String> environment(Map<String, String> env) {
    try {
      if (listener == null || env == null) {
        return env;
      }
      RecordingEnvironment wrapper = environment;
      if (wrapper == null || !wrapper.wraps(env)) {
        wrapper = new RecordingEnvironment(env);
        environment = wrapper;
      }
      return wrapper;
    } catch (Throwable t) {
      return env;
    }
  }

  /** After {@code Properties.getProperty(String)}. */
  public static void property(String value, Object properties, String key) {
    if (properties == systemProperties) {
      read(ReadListener.SOURCE_SYSPROP, key, value);
    }
  }

  /** After {@code Properties.get(Object)}. */
  public static void propertyGet(Object value, Object properties, Object key) {
    if (properties == systemProperties && key instanceof String) {
      read(ReadListener.SOURCE_SYSPROP, (String) key, value instanceof String ? (String) value : null);
    }
  }

  /** After {@code Properties.getProperty(String, String)}, whose inner lookup was recorded already. */
  public static void propertyDefault(String value, Object properties, String key, String defaultValue) {
    // Only the default itself comes back when the key is unset; a set key returns its own String.
    if (value == defaultValue && defaultValue != null && properties == systemProperties) {
      offerDefault(ReadListener.SOURCE_SYSPROP, key, defaultValue);
    }
  }

  /** After {@code Integer.getInteger(String, int)}. */
  public static void intDefault(Object value, String key, int defaultValue) {
    if (listener != null) {
      offerDefault(ReadListener.SOURCE_SYSPROP, key, Integer.toString(defaultValue));
    }
  }

  /** After {@code Long.getLong(String, long)}. */
  public static void longDefault(Object value, String key, long defaultValue) {
    if (listener != null) {
      offerDefault(ReadListener.SOURCE_SYSPROP, key, Long.toString(defaultValue));
    }
  }

  /** After {@code Integer.getInteger(String, Integer)} and {@code Long.getLong(String, Long)}. */
  public static void objectDefault(Object value, String key, Object defaultValue) {
    if (defaultValue != null && listener != null) {
      offerDefault(ReadListener.SOURCE_SYSPROP, key, defaultValue.toString());
    }
  }

  /**
   * At the start of every framework method hooked for logical reads: until the method's hook
   * (below) runs, the JDK-level reads of this thread are the framework's. A method that throws
   * never reaches its hook, and the thread's reads count as the framework's until its next logical
   * read ends; they are still counted, only without callers.
   */
  public static void lookupStarts() {
    try {
      GUARD.get().insideLookup = true;
    } catch (Throwable t) {
      // The reads that follow are then looked up for callers, as any others.
    }
  }

  /** After Spring's {@code PropertySourcesPropertyResolver.getProperty(String, Class, boolean)}. */
  public static void springResolver(Object value, Object resolver, String key) {
    logicalRead(LogicalReadListener.SPRING_RESOLVER, resolver, key, value, null);
  }

  /** After Spring Boot's {@code ConfigurationPropertySourcesPropertyResolver.getProperty(String, Class, boolean)}. */
  public static void bootResolver(Object value, Object resolver, String key) {
    logicalRead(LogicalReadListener.BOOT_RESOLVER, resolver, key, value, null);
  }

  /** After Spring Boot's {@code Binder.findProperty(ConfigurationPropertyName, Bindable, Context)}. */
  public static void bootBinder(Object property, Object binder, Object name, Object target) {
    logicalRead(LogicalReadListener.BOOT_BINDER, binder, name, property, target);
  }

  /** After SmallRye Config's {@code SmallRyeConfig.getConfigValue(String)}. */
  public static void smallRyeConfig(Object configValue, Object config, String name) {
    logicalRead(LogicalReadListener.SMALLRYE_CONFIG, config, name, configValue, null);
  }

  /**
   * Delivers one logical read, unless it is a resolver's delegation to another that has just
   * reported the same lookup: frameworks nest resolvers (Spring Boot's resolver falls back to a
   * Spring one; a placeholder configurer may ask the {@code Environment}), and the hook sits
   * before each return, so the inner one reports first. The outer one then arrives on the same
   * thread with the same key object from a different owner, and is the same read.
   */
  private static void logicalRead(int hookPoint, Object owner, Object key, Object result, Object detail) {
    Guard guard = lookupEnds();
    LogicalReadListener current = logicalListener;
    if (current == null || key == null || guard == null || guard.depth != 0) {
      return;
    }
    try {
      int ownerId = System.identityHashCode(owner);
      boolean delegated = guard.lastLogicalKey == key && guard.lastLogicalOwner != ownerId
          && (guard.lastLogicalFound || result == null);
      // Only String keys can be delegated, and only they are kept: a framework's own key object
      // would hold its class loader.
      guard.lastLogicalKey = delegated || !(key instanceof String) ? null : key;
      guard.lastLogicalOwner = ownerId;
      guard.lastLogicalFound = result != null;
      if (delegated) {
        return;
      }
    } catch (Throwable t) {
      return;
    }
    guard.depth = 1;
    try {
      current.onLogicalRead(hookPoint, owner, key, result, detail);
    } catch (Throwable ignored) {
      // The host application must never see the agent fail.
    } finally {
      guard.depth = 0;
    }
  }

  static void read(int source, String key, String value) {
    deliver(false, source, key, value);
  }

  static void offerDefault(int source, String key, String defaultValue) {
    deliver(true, source, key, defaultValue);
  }

  private static void deliver(boolean isDefault, int source, String key, String value) {
    ReadListener current = listener;
    if (current == null || key == null) {
      return;
    }
    Guard guard = freeGuard();
    if (guard == null) {
      return;
    }
    guard.depth = 1;
    try {
      if (isDefault) {
        current.onDefault(source, key, value);
      } else if (guard.insideLookup) {
        current.onFrameworkRead(source, key, value);
      } else {
        current.onRead(source, key, value);
      }
    } catch (Throwable ignored) {
      // The host application must never see the agent fail.
    } finally {
      guard.depth = 0;
    }
  }

  /** This thread's guard, no longer inside a framework's lookup; null if the thread has none to give. */
  private static Guard lookupEnds() {
    try {
      Guard guard = GUARD.get();
      guard.insideLookup = false;
      return guard;
    } catch (Throwable t) {
      return null;
    }
  }

  /** This thread's guard when it may record now (not the agent's, not inside a delivery), else null. */
  private static Guard freeGuard() {
    try {
      Guard guard = GUARD.get();
      return guard.depth == 0 ? guard : null;
    } catch (Throwable t) {
      return null;
    }
  }

  /**
   * Per-thread re-entry depth (0 means the thread may record), whether the thread is inside a
   * framework's lookup, and the last logical read it delivered.
   */
  private static final class Guard {
    int depth;
    /** Set at the start of a hooked framework method, cleared when its hook runs (nested ones clear it early). */
    boolean insideLookup;
    /**
     * The key of the thread's last logical read when it was a String, until the thread's next
     * logical read; the owner is kept as an identity hash so that no resolver is held.
     */
    Object lastLogicalKey;
    int lastLogicalOwner;
    boolean lastLogicalFound;
  }
}
