package io.configdrift.agent.instrumentation;

import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Inserts the hook call of each matching {@link ReadHookPoint} before every {@code ARETURN} of its
 * method. No branch, local or handler is added, so the stack map frames stay valid and only the
 * maximum stack size is recomputed ({@code COMPUTE_MAXS}); nothing is loaded while rewriting.
 */
final class ReturnHookWeaver {
  private ReturnHookWeaver() {}

  /** Whether any of {@code points} belongs to {@code className} (internal form). */
  static boolean hasPointsIn(List<ReadHookPoint> points, String className) {
    for (ReadHookPoint point : points) {
      if (point.owner.equals(className)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class with its hook points woven in, or null to leave it as it is: when no method of it
   * matched, or when anything went wrong (the agent then simply sees fewer reads).
   */
  static byte[] weave(byte[] classfile, String className, List<ReadHookPoint> points) {
    try {
      ClassReader reader = new ClassReader(classfile);
      ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
      HookInserter inserter = new HookInserter(writer, className, points);
      reader.accept(inserter, 0);
      return inserter.hooked == 0 ? null : writer.toByteArray();
    } catch (Throwable t) {
      return null;
    }
  }

  private static final class HookInserter extends ClassVisitor {
    private final String className;
    private final List<ReadHookPoint> points;
    int hooked;

    HookInserter(ClassVisitor next, String className, List<ReadHookPoint> points) {
      super(Opcodes.ASM9, next);
      this.className = className;
      this.points = points;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      for (ReadHookPoint point : points) {
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
