package io.configdrift.agent.instrumentation;

import static io.configdrift.agent.instrumentation.ClassBytes.putU4;
import static io.configdrift.agent.instrumentation.ClassBytes.u1;
import static io.configdrift.agent.instrumentation.ClassBytes.u2;

/**
 * A {@code StackMapTable} (JVMS 4.7.4) with its frames moved to where {@link CodeSplice} put their
 * code. A frame's offset is stored as the distance from the previous frame, partly inside the
 * frame's type; a distance that grows past 63 turns the two short frame types into their extended
 * forms. The frames' contents stay valid: the inserted calls leave locals and stack as they were.
 */
final class StackMapRelocation {
  private static final int SAME_LOCALS_1_STACK_ITEM = 64;
  private static final int SAME_LOCALS_1_STACK_ITEM_EXTENDED = 247;
  private static final int SAME_FRAME_EXTENDED = 251;
  private static final int FULL_FRAME = 255;
  private static final int OBJECT = 7;
  private static final int UNINITIALIZED = 8;

  private final byte[] in;
  private final int attribute;
  private final CodeSplice code;

  StackMapRelocation(byte[] in, int attribute, CodeSplice code) {
    this.in = in;
    this.attribute = attribute;
    this.code = code;
  }

  void writeTo(ClassBytes.Out out) throws HookSplicer.CannotSplice {
    ClassBytes.Out table = new ClassBytes.Out(ClassBytes.u4(in, attribute + 2) + 32);
    int frames = u2(in, attribute + 6);
    table.u2(u2(in, attribute)).u4(0).u2(frames);
    int at = attribute + 8;
    int offset = -1;
    int newOffset = -1;
    for (int f = 0; f < frames; f++) {
      int type = u1(in, at++);
      int delta;
      if (type < SAME_LOCALS_1_STACK_ITEM * 2) {
        delta = type % SAME_LOCALS_1_STACK_ITEM;
      } else if (type >= SAME_LOCALS_1_STACK_ITEM_EXTENDED) {
        delta = u2(in, at);
        at += 2;
      } else {
        throw new HookSplicer.CannotSplice("stack map frame type " + type);
      }
      offset += delta + 1;
      int moved = code.newTarget(offset);
      int newDelta = moved - newOffset - 1;
      newOffset = moved;
      if (type < SAME_LOCALS_1_STACK_ITEM) {
        writeShortOrExtended(table, newDelta, 0, SAME_FRAME_EXTENDED);
      } else if (type < SAME_LOCALS_1_STACK_ITEM * 2) {
        writeShortOrExtended(table, newDelta, SAME_LOCALS_1_STACK_ITEM, SAME_LOCALS_1_STACK_ITEM_EXTENDED);
        at = copyTypes(at, 1, table);
      } else {
        table.u1(type).u2(newDelta);
        if (type == SAME_LOCALS_1_STACK_ITEM_EXTENDED) {
          at = copyTypes(at, 1, table);
        } else if (type > SAME_FRAME_EXTENDED && type < FULL_FRAME) {
          at = copyTypes(at, type - SAME_FRAME_EXTENDED, table);
        } else if (type == FULL_FRAME) {
          int locals = u2(in, at);
          table.u2(locals);
          at = copyTypes(at + 2, locals, table);
          int stack = u2(in, at);
          table.u2(stack);
          at = copyTypes(at + 2, stack, table);
        }
      }
    }
    byte[] bytes = table.bytes();
    putU4(bytes, 2, table.size() - 6);
    out.write(bytes, 0, table.size());
  }

  private static void writeShortOrExtended(ClassBytes.Out table, int delta, int shortBase, int extendedType) {
    if (delta < SAME_LOCALS_1_STACK_ITEM) {
      table.u1(shortBase + delta);
    } else {
      table.u1(extendedType).u2(delta);
    }
  }

  /** Copies {@code count} verification types; an uninitialized one names the offset of its {@code new}. */
  private int copyTypes(int at, int count, ClassBytes.Out table) {
    for (int i = 0; i < count; i++) {
      int tag = u1(in, at++);
      table.u1(tag);
      if (tag == OBJECT) {
        table.u2(u2(in, at));
        at += 2;
      } else if (tag == UNINITIALIZED) {
        table.u2(code.newPosition(u2(in, at)));
        at += 2;
      }
    }
    return at;
  }
}
