package io.configdrift.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Adds a call to {@code ConfigReadHook} before every return of the JDK methods in
 * {@link ReadHookPoint#JDK}.
 *
 * <p>This is written against the ASM that byte-buddy bundles rather than byte-buddy's
 * {@code AgentBuilder}: the rewrite only inserts a static call before each return (no new branches,
 * locals or handlers, so no stack map frame changes), and doing it this way costs a few
 * milliseconds at start-up instead of the hundreds that initialising {@code AgentBuilder} costs.
 * docs/design.md has the measurements.
 */
public final class JdkReadTransformer implements ClassFileTransformer {
  /** The JDK classes this transformer rewrites, as loaded classes to retransform. */
  public static Class<?>[] targetClasses() {
    return new Class<?>[] {System.class, java.util.Properties.class, Integer.class, Long.class};
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    List<ReadHookPoint> points = loader != null || className == null ? null : ReadHookPoint.JDK_BY_OWNER.get(className);
    return points == null ? null : ReturnHookWeaver.weave(classfileBuffer, points);
  }
}
