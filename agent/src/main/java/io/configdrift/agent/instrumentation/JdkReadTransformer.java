package io.configdrift.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Adds a call to {@code ConfigReadHook} before every return of the JDK methods in
 * {@link ReadHookPoint#ALL}.
 *
 * <p>This is written against the ASM that byte-buddy bundles rather than byte-buddy's
 * {@code AgentBuilder}: the rewrite only inserts a static call before each return (no new branches,
 * locals or handlers, so no stack map frame changes), and doing it this way costs a few
 * milliseconds at start-up instead of the hundreds that initialising {@code AgentBuilder} costs.
 * docs/design.md has the measurements.
 */
public final class JdkReadTransformer implements ClassFileTransformer {
  private final List<String> transformedClasses = new ArrayList<>();

  /** The JDK classes this transformer rewrites, as loaded classes to retransform. */
  public static Class<?>[] targetClasses() {
    return new Class<?>[] {System.class, java.util.Properties.class, Integer.class, Long.class};
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    if (loader != null || !isTarget(className)) {
      return null;
    }
    try {
      ClassReader reader = new ClassReader(classfileBuffer);
      // COMPUTE_MAXS only: the inserted calls need a deeper stack, and frames stay valid as they are.
      ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
      HookInserter inserter = new HookInserter(writer, className);
      reader.accept(inserter, 0);
      if (inserter.hooked == 0) {
        return null;
      }
      synchronized (transformedClasses) {
        transformedClasses.add(className + ":" + inserter.hooked);
      }
      return writer.toByteArray();
    } catch (Throwable t) {
      // Leave the class as it was; the agent then simply sees fewer reads.
      return null;
    }
  }

  /** The classes rewritten so far, each with the number of methods hooked, e.g. {@code java/lang/System:2}. */
  public List<String> transformedClasses() {
    synchronized (transformedClasses) {
      return new ArrayList<>(transformedClasses);
    }
  }

  private static boolean isTarget(String className) {
    for (ReadHookPoint point : ReadHookPoint.ALL) {
      if (point.owner.equals(className)) {
        return true;
      }
    }
    return false;
  }

  private static final class HookInserter extends ClassVisitor {
    private final String className;
    int hooked;

    HookInserter(ClassVisitor next, String className) {
      super(Opcodes.ASM9, next);
      this.className = className;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      for (ReadHookPoint point : ReadHookPoint.ALL) {
        if (point.owner.equals(className) && point.matches(name, descriptor)) {
          hooked++;
          return new BeforeReturn(mv, point);
        }
      }
      return mv;
    }
  }

  private static final class BeforeReturn extends MethodVisitor {
    private final ReadHookPoint point;

    BeforeReturn(MethodVisitor next, ReadHookPoint point) {
      super(Opcodes.ASM9, next);
      this.point = point;
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.ARETURN) {
        point.emitHookCall(mv);
      }
      super.visitInsn(opcode);
    }
  }
}
