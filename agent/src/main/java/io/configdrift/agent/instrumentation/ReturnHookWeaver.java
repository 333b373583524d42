package io.configdrift.agent.instrumentation;

import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Inserts the hook call of each matching {@link ReadHookPoint} before every {@code ARETURN} of its
 * method, and for a framework's lookup a call at its start. No branch, local or handler is added
 * and both calls leave the stack as they found it, so the stack map frames stay valid and only the
 * maximum stack size is recomputed ({@code COMPUTE_MAXS}); nothing is loaded while rewriting.
 */
final class ReturnHookWeaver {
  private ReturnHookWeaver() {}

  /**
   * The class with {@code points}, all of them in this class, woven in; or null to leave it as it
   * is: when no method of it matched, or when anything went wrong (the agent then simply sees fewer
   * reads).
   */
  static byte[] weave(byte[] classfile, List<ReadHookPoint> points) {
    try {
      ClassReader reader = new ClassReader(classfile);
      ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
      HookInserter inserter = new HookInserter(writer, points);
      reader.accept(inserter, 0);
      return inserter.hooked == 0 ? null : writer.toByteArray();
    } catch (Throwable t) {
      return null;
    }
  }

  private static final class HookInserter extends ClassVisitor {
    private final List<ReadHookPoint> points;
    int hooked;

    HookInserter(ClassVisitor next, List<ReadHookPoint> points) {
      super(Opcodes.ASM9, next);
      this.points = points;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      for (ReadHookPoint point : points) {
        if (point.matches(name, descriptor)) {
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
    public void visitCode() {
      super.visitCode();
      point.emitStartCall(mv);
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
