package io.configdrift.agent.instrumentation;

import static io.configdrift.agent.instrumentation.ClassBytes.putU2;
import static io.configdrift.agent.instrumentation.ClassBytes.putU4;
import static io.configdrift.agent.instrumentation.ClassBytes.s2;
import static io.configdrift.agent.instrumentation.ClassBytes.u1;
import static io.configdrift.agent.instrumentation.ClassBytes.u2;
import static io.configdrift.agent.instrumentation.ClassBytes.u4;

import java.util.Arrays;

/**
 * Rewrites one method's {@code Code} attribute (JVMS 4.7.3) for {@link HookSplicer}: the start call
 * goes in at offset 0, the hook call before every {@code ARETURN}, and whatever names a code offset
 * moves with the code (branches, the exception table, stack map frames, line numbers, local
 * variables). A branch to an {@code ARETURN} lands on the hook call before it, a branch to offset 0
 * after the start call: ASM places them the same way. Methods with a {@code switch} (whose padding
 * would change), a {@code jsr}, a {@code goto_w}, or a code attribute it does not know are declined.
 */
final class CodeSplice {
  private static final int DUP = 0x59;
  private static final int ARETURN = 0xb0;
  private static final int INVOKESTATIC = 0xb8;
  private static final int WIDE = 0xc4;
  private static final int IINC = 0x84;
  private static final int GOTO_W = 0xc8;
  private static final int JSR_W = 0xc9;
  /** Instruction lengths by opcode (JVMS 6.5); 0 for those declined or invalid, -1 for WIDE. */
  private static final byte[] LENGTHS = lengths();

  private final HookSplicer splicer;
  private final byte[] in;
  private final int attribute;
  private final ReadHookPoint point;
  private final int code;
  private final int codeLength;
  private final byte[] startCall;
  private final byte[] hookCall;
  /** The offsets of the {@code ARETURN}s in the original code, in order: the hook call goes in before each. */
  private int[] returns = new int[4];
  private int returnCount;

  CodeSplice(HookSplicer splicer, int attribute, ReadHookPoint point, int startMethodref, int hookMethodref)
      throws HookSplicer.CannotSplice {
    this.splicer = splicer;
    this.in = splicer.bytes();
    this.attribute = attribute;
    this.point = point;
    this.codeLength = u4(in, attribute + 10);
    this.code = attribute + 14;
    this.startCall = point.marksLookup ? invokestatic(new byte[3], 0, startMethodref) : new byte[0];
    this.hookCall = hookCall(point, hookMethodref);
  }

  private static byte[] hookCall(ReadHookPoint point, int methodref) throws HookSplicer.CannotSplice {
    byte[] call = new byte[(point.replacesResult ? 0 : 1) + 2 * point.arguments.length + 3];
    int at = 0;
    if (!point.replacesResult) {
      call[at++] = (byte) DUP;
    }
    int shortLoads = 0;
    for (int i = 0; i < point.arguments.length; i++) {
      int local = point.arguments[i];
      if (local <= 3) {
        call[at++] = (byte) (ReadHookPoint.ILOAD_0 + 4 * (point.argumentLoads[i] - ReadHookPoint.ILOAD) + local);
        shortLoads++;
      } else if (local <= 0xff) {
        call[at++] = (byte) point.argumentLoads[i];
        call[at++] = (byte) local;
      } else {
        throw new HookSplicer.CannotSplice("local variable " + local + " needs WIDE");
      }
    }
    invokestatic(call, at, methodref);
    return shortLoads == 0 ? call : Arrays.copyOf(call, call.length - shortLoads);
  }

  private static byte[] invokestatic(byte[] call, int at, int methodref) {
    call[at] = (byte) INVOKESTATIC;
    putU2(call, at + 1, methodref);
    return call;
  }

  /** The rewritten attribute, from its name index on. */
  byte[] rewrite() throws HookSplicer.CannotSplice {
    int[] branches = scan();
    int newLength = newTarget(codeLength);
    int maxStack = u2(in, attribute + 6) + point.extraStack;
    if (newLength > 0xffff || maxStack > 0xffff) {
      throw new HookSplicer.CannotSplice("method too long");
    }
    byte[] newCode = splicedCode(newLength);
    for (int branch : branches) {
      relocateBranch(newCode, branch);
    }
    ClassBytes.Out out = new ClassBytes.Out(u4(in, attribute + 2) + 6 + newLength - codeLength);
    out.u2(u2(in, attribute)).u4(0) // the attribute's length, known at the end
        .u2(maxStack).u2(u2(in, attribute + 8)).u4(newLength).copy(newCode, 0, newLength);
    int at = code + codeLength;
    int handlers = u2(in, at);
    out.u2(handlers);
    for (int entry = at + 2; entry < at + 2 + 8 * handlers; entry += 8) {
      out.u2(newTarget(u2(in, entry))).u2(newTarget(u2(in, entry + 2))).u2(newTarget(u2(in, entry + 4)))
          .u2(u2(in, entry + 6));
    }
    at += 2 + 8 * handlers;
    int attributes = u2(in, at);
    out.u2(attributes);
    at += 2;
    for (int a = 0; a < attributes; a++) {
      at = rewriteAttribute(at, out);
    }
    byte[] rewritten = out.bytes();
    putU4(rewritten, 2, rewritten.length - 6);
    return rewritten;
  }

  /** The code with the calls in; the branches still hold their old distances. */
  private byte[] splicedCode(int newLength) {
    byte[] spliced = new byte[newLength];
    System.arraycopy(startCall, 0, spliced, 0, startCall.length);
    int to = startCall.length;
    int copied = 0;
    for (int i = 0; i < returnCount; i++) {
      System.arraycopy(in, code + copied, spliced, to, returns[i] - copied);
      to += returns[i] - copied;
      System.arraycopy(hookCall, 0, spliced, to, hookCall.length);
      to += hookCall.length;
      copied = returns[i];
    }
    System.arraycopy(in, code + copied, spliced, to, codeLength - copied);
    return spliced;
  }

  /**
   * Walks the instructions: notes the returns and returns the offsets of the branches. Declines
   * what it cannot move safely.
   */
  private int[] scan() throws HookSplicer.CannotSplice {
    int[] branches = new int[8];
    int branchCount = 0;
    int offset = 0;
    while (offset < codeLength) {
      int opcode = u1(in, code + offset);
      int length = LENGTHS[opcode];
      if (length == -1) {
        length = u1(in, code + offset + 1) == IINC ? 6 : 4;
      } else if (length == 0) {
        throw new HookSplicer.CannotSplice("opcode " + opcode);
      }
      if (opcode == ARETURN) {
        addReturn(offset);
      }
      if (isBranch(opcode)) {
        if (branchCount == branches.length) {
          branches = Arrays.copyOf(branches, branchCount * 2);
        }
        branches[branchCount++] = offset;
      }
      offset += length;
    }
    return Arrays.copyOf(branches, branchCount);
  }

  private void addReturn(int offset) {
    if (returnCount == returns.length) {
      returns = Arrays.copyOf(returns, returnCount * 2);
    }
    returns[returnCount++] = offset;
  }

  private static boolean isBranch(int opcode) {
    return opcode >= 0x99 && opcode <= 0xa7 || opcode == 0xc6 || opcode == 0xc7;
  }

  /** The bytes inserted before {@code offset} of the original code, and at it too when {@code includingAt}. */
  private int insertedBefore(int offset, boolean includingAt) {
    int inserted = startCall.length;
    for (int i = 0; i < returnCount && (returns[i] < offset || includingAt && returns[i] == offset); i++) {
      inserted += hookCall.length;
    }
    return inserted;
  }

  /** Where the instruction at {@code offset} of the original code is now. */
  int newPosition(int offset) {
    return offset + insertedBefore(offset, true);
  }

  /**
   * Where a branch target, handler, frame or range boundary at {@code offset} of the original code
   * is now: on the hook call before an {@code ARETURN}, after the start call at offset 0.
   */
  int newTarget(int offset) {
    return offset + insertedBefore(offset, false);
  }

  private void relocateBranch(byte[] newCode, int offset) throws HookSplicer.CannotSplice {
    int at = newPosition(offset);
    int moved = newTarget(offset + s2(in, code + offset + 1)) - at;
    if (moved < Short.MIN_VALUE || moved > Short.MAX_VALUE) {
      throw new HookSplicer.CannotSplice("branch out of reach");
    }
    putU2(newCode, at + 1, moved);
  }

  /** Copies one attribute of the Code attribute with its offsets moved; returns where the next one starts. */
  private int rewriteAttribute(int at, ClassBytes.Out out) throws HookSplicer.CannotSplice {
    int name = u2(in, at);
    int end = at + 6 + u4(in, at + 2);
    if (splicer.utf8Equals(name, "LineNumberTable")) {
      byte[] table = Arrays.copyOfRange(in, at, end);
      for (int entry = 8; entry < table.length; entry += 4) {
        putU2(table, entry, newTarget(u2(table, entry)));
      }
      out.write(table, 0, table.length);
    } else if (splicer.utf8Equals(name, "LocalVariableTable") || splicer.utf8Equals(name, "LocalVariableTypeTable")) {
      byte[] table = Arrays.copyOfRange(in, at, end);
      for (int entry = 8; entry < table.length; entry += 10) {
        int start = u2(table, entry);
        int newStart = newTarget(start);
        putU2(table, entry, newStart);
        putU2(table, entry + 2, newTarget(start + u2(table, entry + 2)) - newStart);
      }
      out.write(table, 0, table.length);
    } else if (splicer.utf8Equals(name, "StackMapTable")) {
      new StackMapRelocation(in, at, this).writeTo(out);
    } else {
      throw new HookSplicer.CannotSplice("code attribute it does not know");
    }
    return end;
  }

  private static byte[] lengths() {
    byte[] lengths = new byte[256];
    for (int opcode = 0; opcode <= 0xc9; opcode++) {
      lengths[opcode] = 1;
    }
    set(lengths, 2, 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xbc);
    set(lengths, 3, 0x11, 0x13, 0x14, IINC, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, INVOKESTATIC, 0xbb, 0xbd,
        0xc0, 0xc1, 0xc6, 0xc7);
    for (int branch = 0x99; branch <= 0xa7; branch++) {
      lengths[branch] = 3;
    }
    set(lengths, 4, 0xc5);
    set(lengths, 5, 0xb9, 0xba);
    lengths[WIDE] = -1;
    // jsr, ret, tableswitch, lookupswitch, goto_w (only in methods over 32 KB), jsr_w: declined
    set(lengths, 0, 0xa8, 0xa9, 0xaa, 0xab, GOTO_W, JSR_W);
    return lengths;
  }

  private static void set(byte[] lengths, int length, int... opcodes) {
    for (int opcode : opcodes) {
      lengths[opcode] = (byte) length;
    }
  }
}
