package io.configdrift.agent.instrumentation;

import static io.configdrift.agent.instrumentation.ClassBytes.u1;
import static io.configdrift.agent.instrumentation.ClassBytes.u2;
import static io.configdrift.agent.instrumentation.ClassBytes.u4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splices the hook calls of {@link ReadHookPoint}s into a class file's bytes: the constant pool
 * gains the hook methods' entries, the matching methods' {@code Code} attributes are rewritten by
 * {@link CodeSplice}, and every other byte is copied as it is. Of the rest of the class it reads
 * only where each constant, field and method starts, which is what makes it cheaper than ASM while
 * the JVM still interprets; anything it does not handle it declines with {@link CannotSplice}, and
 * {@link ReturnHookWeaver} falls back to ASM.
 */
final class HookSplicer {
  private static final int MAGIC = 0xCAFEBABE;
  private static final int UTF8 = 1;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  private static final int CLASS = 7;
  private static final int METHODREF = 10;
  private static final int NAME_AND_TYPE = 12;

  /** A class file, or a method in it, that the splicer leaves to ASM; not an error. */
  static final class CannotSplice extends Exception {
    private static final long serialVersionUID = 1L;

    CannotSplice(String why) {
      super(why, null, false, false);
    }
  }

  private final byte[] in;
  /** Where each constant pool entry starts (its tag), by index; 0 for the unusable slots. */
  private final int[] entries;
  /** Where the constant pool ends: the class's access flags. */
  private final int poolEnd;
  private final ClassBytes.Out addedEntries = new ClassBytes.Out(128);
  /** The hook methods' constant pool entries added so far, by name and descriptor. */
  private final Map<String, Integer> methodrefs = new HashMap<>();
  /** The hook class's entry, once added; 0 before. */
  private int hookClass;
  private int nextIndex;

  private HookSplicer(byte[] in) throws CannotSplice {
    this.in = in;
    if (in.length < 10 || u4(in, 0) != MAGIC) {
      throw new CannotSplice("not a class file");
    }
    nextIndex = u2(in, 8);
    entries = new int[nextIndex];
    int at = 10;
    for (int index = 1; index < nextIndex; index++) {
      entries[index] = at;
      int tag = u1(in, at);
      at += 1 + entrySize(tag, at);
      if (tag == LONG || tag == DOUBLE) {
        index++;
      }
    }
    poolEnd = at;
  }

  /**
   * The class with the hooks of {@code points} spliced in, or null when none of its methods is one
   * of them. Throws {@link CannotSplice} for what it leaves to ASM; may throw a RuntimeException
   * on a malformed class file.
   */
  static byte[] splice(byte[] classfile, List<ReadHookPoint> points) throws CannotSplice {
    return new HookSplicer(classfile).splice(points);
  }

  private byte[] splice(List<ReadHookPoint> points) throws CannotSplice {
    List<HookedCode> hooked = new ArrayList<>();
    int at = poolEnd + 6;
    at += 2 + 2 * u2(in, at); // interfaces
    at = skipMembers(at);
    int methods = u2(in, at);
    at += 2;
    for (int m = 0; m < methods; m++) {
      ReadHookPoint point = matching(points, u2(in, at + 2), u2(in, at + 4));
      int attributes = u2(in, at + 6);
      at += 8;
      for (int a = 0; a < attributes; a++) {
        int end = at + 6 + u4(in, at + 2);
        if (point != null && utf8Equals(u2(in, at), "Code")) {
          hooked.add(new HookedCode(at, end, point));
        }
        at = end;
      }
    }
    if (hooked.isEmpty()) {
      return null;
    }
    for (HookedCode code : hooked) {
      ReadHookPoint point = code.point;
      int startCall = point.marksLookup
          ? methodref(ReadHookPoint.LOOKUP_STARTS, ReadHookPoint.LOOKUP_STARTS_DESCRIPTOR) : 0;
      int hookCall = methodref(point.hookName, point.hookDescriptor);
      code.rewritten = new CodeSplice(this, code.start, point, startCall, hookCall).rewrite();
    }
    if (nextIndex > 0xffff) {
      throw new CannotSplice("constant pool full");
    }
    ClassBytes.Out out = new ClassBytes.Out(in.length + addedEntries.size() + 64 * hooked.size());
    out.copy(in, 0, 8).u2(nextIndex).copy(in, 10, poolEnd);
    out.write(addedEntries.bytes(), 0, addedEntries.size());
    int copied = poolEnd;
    for (HookedCode code : hooked) {
      out.copy(in, copied, code.start).copy(code.rewritten, 0, code.rewritten.length);
      copied = code.end;
    }
    return out.copy(in, copied, in.length).bytes();
  }

  /** A {@code Code} attribute of a hooked method: where it is in the class file, and what replaces it. */
  private static final class HookedCode {
    final int start;
    final int end;
    final ReadHookPoint point;
    byte[] rewritten;

    HookedCode(int start, int end, ReadHookPoint point) {
      this.start = start;
      this.end = end;
      this.point = point;
    }
  }

  byte[] bytes() {
    return in;
  }

  /** Fields (or methods): each has 6 bytes, then its attributes. Returns where the next part starts. */
  private int skipMembers(int at) {
    int members = u2(in, at);
    at += 2;
    for (int m = 0; m < members; m++) {
      int attributes = u2(in, at + 6);
      at += 8;
      for (int a = 0; a < attributes; a++) {
        at += 6 + u4(in, at + 2);
      }
    }
    return at;
  }

  /** Indexed, not iterated: this runs in premain, interpreted, for every method of the class. */
  private ReadHookPoint matching(List<ReadHookPoint> points, int name, int descriptor) {
    for (int i = 0; i < points.size(); i++) {
      ReadHookPoint point = points.get(i);
      if (utf8Equals(name, point.name) && utf8Equals(descriptor, point.descriptor)) {
        return point;
      }
    }
    return null;
  }

  /** Whether constant {@code index} is the UTF-8 text {@code text}, compared byte by byte (names here are ASCII). */
  boolean utf8Equals(int index, String text) {
    int at = index > 0 && index < entries.length ? entries[index] : 0;
    if (at == 0 || u1(in, at) != UTF8 || u2(in, at + 1) != text.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (in[at + 3 + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The index of a constant pool entry for the hook method, added once per class. */
  private int methodref(String name, String descriptor) {
    String key = name + descriptor;
    Integer known = methodrefs.get(key);
    if (known != null) {
      return known;
    }
    if (hookClass == 0) {
      int className = addUtf8(ReadHookPoint.HOOK_OWNER);
      hookClass = nextIndex++;
      addedEntries.u1(CLASS).u2(className);
    }
    int nameIndex = addUtf8(name);
    int descriptorIndex = addUtf8(descriptor);
    int nameAndType = nextIndex++;
    addedEntries.u1(NAME_AND_TYPE).u2(nameIndex).u2(descriptorIndex);
    int methodref = nextIndex++;
    addedEntries.u1(METHODREF).u2(hookClass).u2(nameAndType);
    methodrefs.put(key, methodref);
    return methodref;
  }

  private int addUtf8(String ascii) {
    byte[] bytes = ascii.getBytes(StandardCharsets.ISO_8859_1);
    addedEntries.u1(UTF8).u2(bytes.length).copy(bytes, 0, bytes.length);
    return nextIndex++;
  }

  /** The size of a constant pool entry after its tag (JVMS 4.4). */
  private int entrySize(int tag, int at) throws CannotSplice {
    switch (tag) {
      case UTF8:
        return 2 + u2(in, at + 1);
      case CLASS: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
        return 2;
      case 15: // MethodHandle
        return 3;
      case 3: case 4: case 9: case METHODREF: case 11: case NAME_AND_TYPE: case 17: case 18:
        return 4; // Integer, Float, the refs, NameAndType, Dynamic, InvokeDynamic
      case LONG: case DOUBLE:
        return 8;
      default:
        throw new CannotSplice("constant pool tag " + tag);
    }
  }
}
