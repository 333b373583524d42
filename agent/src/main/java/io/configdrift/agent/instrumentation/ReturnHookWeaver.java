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
 * maximum stack size grows.
 *
 * <p>The {@link HookSplicer} does it first, straight on the class file's bytes; ASM, which reads
 * and writes the whole class, is the fallback for what the splicer declines (a {@code switch} in
 * the method, an attribute it does not know). Run on the start-up path ({@code premain} rewrites
 * seven classes), ASM cost 10 ± 5 ms of the JVM's start-up, most of it loading and interpreting
 * ASM itself (docs/design.md, "Why the hooks are spliced into the class file").
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
      return HookSplicer.splice(classfile, points);
    } catch (HookSplicer.CannotSplice | RuntimeException e) {
      return weaveWithAsm(classfile, points);
    } catch (Throwable t) {
      return null;
    }
  }

  /** The same with ASM: {@code COMPUTE_MAXS}, every method the hooks leave alone copied as it is. */
  static byte[] weaveWithAsm(byte[] classfile, List<ReadHookPoint> points) {
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
      if (point.marksLookup) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, ReadHookPoint.HOOK_OWNER, ReadHookPoint.LOOKUP_STARTS,
            ReadHookPoint.LOOKUP_STARTS_DESCRIPTOR, false);
      }
    }

    /** The stack holds the method's return value before and after the hook call. */
    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.ARETURN) {
        if (!point.replacesResult) {
          mv.visitInsn(Opcodes.DUP);
        }
        for (int i = 0; i < point.arguments.length; i++) {
          mv.visitVarInsn(point.argumentLoads[i], point.arguments[i]);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, ReadHookPoint.HOOK_OWNER, point.hookName, point.hookDescriptor, false);
      }
      super.visitInsn(opcode);
    }
  }
}
