package io.configdrift.agent.instrumentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A class's methods as ASM reads them, one line per instruction, label, frame, handler, line
 * number and local variable, with labels numbered in the order they are first named: two class
 * files whose listings are equal have the same code, whatever the order of their constant pools.
 * The maximum stack size is listed apart ({@link #maxStacks}), since ASM computes it exactly and
 * the splicer adds what the hook call needs.
 */
final class CodeListing {
  final List<String> lines = new ArrayList<>();
  final List<Integer> maxStacks = new ArrayList<>();

  static CodeListing of(byte[] classfile) {
    CodeListing listing = new CodeListing();
    new ClassReader(classfile).accept(listing.new Lister(), ClassReader.EXPAND_FRAMES);
    return listing;
  }

  private final class Lister extends ClassVisitor {
    Lister() {
      super(Opcodes.ASM9);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      lines.add("method " + name + descriptor);
      return new MethodLister();
    }
  }

  private final class MethodLister extends MethodVisitor {
    private final Map<Label, Integer> labels = new IdentityHashMap<>();

    MethodLister() {
      super(Opcodes.ASM9);
    }

    private String label(Label label) {
      return "L" + labels.computeIfAbsent(label, l -> labels.size());
    }

    private String values(int count, Object[] values) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        texts.add(values[i] instanceof Label ? label((Label) values[i]) : String.valueOf(values[i]));
      }
      return texts.toString();
    }

    private void add(String line) {
      lines.add("  " + line);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
      add("frame " + type + " " + values(numLocal, local) + " " + values(numStack, stack));
    }

    @Override
    public void visitInsn(int opcode) {
      add("insn " + opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      add("int " + opcode + " " + operand);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
      add("var " + opcode + " " + var);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      add("type " + opcode + " " + type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      add("field " + opcode + " " + owner + "." + name + descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      add("call " + opcode + " " + owner + "." + name + descriptor + " " + isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
      add("indy " + name + descriptor + " " + bootstrap + " " + Arrays.toString(arguments));
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      add("jump " + opcode + " " + label(label));
    }

    @Override
    public void visitLabel(Label label) {
      add("label " + label(label));
    }

    @Override
    public void visitLdcInsn(Object value) {
      add("ldc " + value + " " + value.getClass().getSimpleName());
    }

    @Override
    public void visitIincInsn(int var, int increment) {
      add("iinc " + var + " " + increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
      add("tableswitch " + min + " " + max + " " + label(dflt) + " " + values(targets.length, targets));
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
      add("lookupswitch " + label(dflt) + " " + Arrays.toString(keys) + " " + values(targets.length, targets));
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      add("multianewarray " + descriptor + " " + numDimensions);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      add("try " + label(start) + " " + label(end) + " " + label(handler) + " " + type);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
      add("local " + name + " " + descriptor + " " + signature + " " + label(start) + " " + label(end) + " " + index);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
      add("line " + line + " " + label(start));
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      add("locals " + maxLocals);
      maxStacks.add(maxStack);
    }
  }
}
