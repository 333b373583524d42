package io.configdrift.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Unregisters the {@link FrameworkReadTransformer} once every framework class it rewrites has loaded,
 * of those the application's class loaders can load. While any transformer is registered the JVM
 * hands every class that loads to the agent, which cost about 2 % of a Spring Boot start-up even
 * when the agent changes nothing (docs/benchmarks.md); once the JVM has no transformer left it
 * stops doing so.
 *
 * <p>Frameworks on the application class path are dealt with before {@code main}
 * ({@link #afterApplicationClassPath}). For frameworks in a class loader of their own, which
 * framework classes that loader can still load is asked with {@code getResource}, on a thread of
 * the agent's own, started when the first framework class loads: the thread that is loading a class
 * never waits for it, and a class loader is never asked anything while it defines a class. A class
 * loader created after the watch ended (a second web application in the same server) is not seen;
 * the option {@code classWatch=always} keeps the transformer registered for that.
 */
final class FrameworkClassWatch implements Runnable {
  private final Instrumentation instrumentation;
  private final ClassFileTransformer transformer;
  /** The framework classes, by internal name, that have loaded in some class loader. */
  private final Set<String> loaded = new HashSet<>();
  /** The class loaders they loaded in: the ones to ask. Weak, so that the watch keeps none alive. */
  private final List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
  private boolean changed;
  private Thread thread;

  /** A watch that has seen nothing yet, as in a running JVM before the loaded target classes are rewritten. */
  FrameworkClassWatch(Instrumentation instrumentation, ClassFileTransformer transformer) {
    this.instrumentation = instrumentation;
    this.transformer = transformer;
  }

  /**
   * Before {@code main}, {@code transformer} just registered: loads the framework classes the
   * application class loader has, so that they are rewritten now ({@link #loadFromApplicationClassPath}).
   * If that loader has a framework and every one of these classes either loaded or is not there, the
   * transformer is unregistered before the application starts and null is returned; otherwise the
   * watch goes on from what loaded. A framework in a class loader of its own (a Spring Boot fat jar)
   * is seen as it loads instead.
   */
  static FrameworkClassWatch afterApplicationClassPath(Instrumentation instrumentation,
      FrameworkReadTransformer transformer) {
    FrameworkClassWatch watch = new FrameworkClassWatch(instrumentation, transformer);
    boolean allSettled = loadFromApplicationClassPath(instrumentation, transformer, watch.loaded);
    if (!watch.loaded.isEmpty() && allSettled) {
      instrumentation.removeTransformer(transformer);
      return null;
    }
    if (!watch.loaded.isEmpty()) {
      watch.loaders.add(new WeakReference<>(ClassLoader.getSystemClassLoader()));
    }
    return watch;
  }

  /**
   * Loads, without initialising them, the framework classes the application class loader has, with
   * {@code transformer} registered, and adds the internal names of those that loaded to
   * {@code loaded}. They are the classes the application would load there anyway; loading one only
   * reads it and its supertypes. A class the JVM had loaded before {@code premain}, as it does with
   * the classes an AOT cache (JDK 24 and later) links ahead of time, was never shown to the
   * transformer, so it is retransformed. Returns false when a class is there but cannot load now (a
   * dependency missing): it is to be watched for as it loads.
   */
  static boolean loadFromApplicationClassPath(Instrumentation instrumentation,
      FrameworkReadTransformer transformer, Set<String> loaded) {
    ClassLoader application = ClassLoader.getSystemClassLoader();
    boolean allSettled = true;
    List<Class<?>> loadedBeforePremain = new ArrayList<>();
    for (String owner : ReadHookPoint.frameworkClasses()) {
      // Loading costs less than asking getResource first, which also searches every module's resources.
      try {
        Class<?> type = Class.forName(owner.replace('/', '.'), false, application);
        loaded.add(owner);
        if (!transformer.hasRewritten(owner)) {
          loadedBeforePremain.add(type);
        }
      } catch (ClassNotFoundException e) {
        // That framework is not on the application class path.
      } catch (Throwable t) {
        allSettled = false;
      }
    }
    if (!loadedBeforePremain.isEmpty()) {
      try {
        instrumentation.retransformClasses(loadedBeforePremain.toArray(new Class<?>[0]));
      } catch (Throwable t) {
        // Those classes stay as they were; their reads are not seen.
      }
    }
    return allSettled;
  }

  /** Called by the transformer for each framework class that loads; cheap, and never blocks for long. */
  synchronized void frameworkClassLoaded(String internalName, ClassLoader loader) {
    loaded.add(internalName);
    if (loader != null && !knows(loader)) {
      loaders.add(new WeakReference<>(loader));
    }
    changed = true;
    if (thread == null) {
      // Neither the loading thread's inheritable thread locals nor its context class loader are kept.
      thread = new Thread(null, this, "configdrift-class-watch", 0, false);
      thread.setDaemon(true);
      thread.setContextClassLoader(null);
      thread.start();
    } else {
      notifyAll();
    }
  }

  private boolean knows(ClassLoader loader) {
    for (WeakReference<ClassLoader> known : loaders) {
      if (known.get() == loader) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    try {
      while (true) {
        Set<String> loadedNow;
        List<ClassLoader> toAsk = new ArrayList<>();
        synchronized (this) {
          while (!changed) {
            wait();
          }
          changed = false;
          loadedNow = Set.copyOf(loaded);
          for (WeakReference<ClassLoader> known : loaders) {
            ClassLoader loader = known.get();
            if (loader != null) {
              toAsk.add(loader);
            }
          }
        }
        if (!anyStillToLoad(loadedNow, toAsk)) {
          instrumentation.removeTransformer(transformer);
          return;
        }
      }
    } catch (Throwable t) {
      // The transformer stays registered: framework classes are still rewritten, at the start-up cost above.
    }
  }

  /** True when one of these class loaders can load a framework class that has not loaded yet. */
  private static boolean anyStillToLoad(Set<String> loaded, List<ClassLoader> loaders) {
    for (String owner : ReadHookPoint.frameworkClasses()) {
      if (loaded.contains(owner)) {
        continue;
      }
      for (ClassLoader loader : loaders) {
        if (loader.getResource(owner + ".class") != null) {
          return true;
        }
      }
    }
    return false;
  }
}
