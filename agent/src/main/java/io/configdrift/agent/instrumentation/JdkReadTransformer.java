package io.configdrift.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a call to {@code ConfigReadHook} before every return of the JDK methods in
 * {@link ReadHookPoint#JDK}.
 *
 * <p>The rewrite is {@link ReturnHookWeaver}'s rather than byte-buddy's {@code AgentBuilder}: it
 * only inserts a static call before each return, which costs a few milliseconds at start-up instead
 * of the hundreds that initialising {@code AgentBuilder} costs. docs/design.md has the measurements.
 */
public final class JdkReadTransformer implements ClassFileTransformer {
  /**
   * {@code ProcessEnvironment} is loaded lazily by the JDK, usually by the first
   * {@code System.getenv}: registered before it, this transformer rewrites it as it loads, which
   * costs less than retransforming it; only if something loaded it earlier is it retransformed.
   */
  private volatile boolean environmentWovenAtLoad;

  /**
   * Registers this transformer, rewrites the target classes, retransforming those loaded already,
   * and unregisters it: every later class load would be shown to it for nothing (while any
   * transformer is registered the JVM hands the agent each class that loads, which costs start-up
   * time; see {@link FrameworkClassWatch}). The price: should another agent retransform one of
   * these classes later, it loses its hook. Returns false when this JVM has no
   * {@code ProcessEnvironment}, so environment reads cannot be seen; everything else still works.
   */
  public boolean install(Instrumentation instrumentation) throws UnmodifiableClassException {
    instrumentation.addTransformer(this, true);
    List<Class<?>> loaded = new ArrayList<>(List.of(java.util.Properties.class, Integer.class, Long.class));
    boolean environmentFound = true;
    try {
      Class<?> environment = Class.forName(ReadHookPoint.PROCESS_ENVIRONMENT.replace('/', '.'), false, null);
      if (!environmentWovenAtLoad) {
        loaded.add(environment);
      }
    } catch (ClassNotFoundException e) {
      environmentFound = false;
    }
    try {
      instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
    } finally {
      instrumentation.removeTransformer(this);
    }
    return environmentFound;
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    List<ReadHookPoint> points = loader != null || className == null ? null : ReadHookPoint.JDK_BY_OWNER.get(className);
    if (points == null) {
      return null;
    }
    byte[] woven = ReturnHookWeaver.weave(classfileBuffer, points);
    if (woven != null && classBeingRedefined == null && className.equals(ReadHookPoint.PROCESS_ENVIRONMENT)) {
      environmentWovenAtLoad = true;
    }
    return woven;
  }
}
