package io.configdrift.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds a call to {@code ConfigReadHook} before every return of the framework methods in
 * {@link ReadHookPoint#FRAMEWORKS}, as their classes load. Classes are matched by name only, so
 * nothing of a framework is loaded or touched when the application does not use it; a class loaded
 * in several class loaders is rewritten in each, as long as this transformer is registered (see
 * {@link FrameworkClassWatch}).
 */
public final class FrameworkReadTransformer implements ClassFileTransformer {
  /** Null when the transformer stays registered for good, or was unregistered before {@code main}. */
  private volatile FrameworkClassWatch watch;
  /** The internal names of the framework classes this transformer has rewritten, in any class loader. */
  private final Set<String> rewritten = ConcurrentHashMap.newKeySet();

  /**
   * Registers this transformer. Before {@code main} it loads (not initialises) the framework classes
   * on the application class path, so that they are rewritten now, even those the JVM loaded before
   * {@code premain} from an AOT cache ({@link FrameworkClassWatch#loadFromApplicationClassPath});
   * looking through every loaded class instead would cost start-up time for nothing. In a running
   * JVM ({@code attached}) it rewrites the target classes that are loaded already.
   * {@code untilFound}: unregister it once the framework classes the application's class loaders
   * have are rewritten, before {@code main} where it can ({@link FrameworkClassWatch}).
   */
  public void install(Instrumentation instrumentation, boolean attached, boolean untilFound) {
    if (untilFound && attached) {
      watch = new FrameworkClassWatch(instrumentation, this);
    }
    instrumentation.addTransformer(this, true);
    if (!attached) {
      if (untilFound) {
        watch = FrameworkClassWatch.afterApplicationClassPath(instrumentation, this);
      } else {
        FrameworkClassWatch.loadFromApplicationClassPath(instrumentation, this, new HashSet<>());
      }
      return;
    }
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (ReadHookPoint.inFrameworkClass(type.getName().replace('.', '/')) != null
          && instrumentation.isModifiableClass(type)) {
        loaded.add(type);
      }
    }
    for (Class<?> type : loaded) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable t) {
        // That class stays as it was; its reads are not seen.
      }
    }
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    List<ReadHookPoint> points = className == null ? null : ReadHookPoint.inFrameworkClass(className);
    if (points == null) {
      return null;
    }
    byte[] woven = ReturnHookWeaver.weave(classfileBuffer, points);
    if (woven != null) {
      rewritten.add(className);
    }
    FrameworkClassWatch watching = watch;
    if (watching != null) {
      watching.frameworkClassLoaded(className, loader);
    }
    return woven;
  }

  /** True once a class of this internal name has been rewritten by this transformer. */
  boolean hasRewritten(String internalName) {
    return rewritten.contains(internalName);
  }
}
