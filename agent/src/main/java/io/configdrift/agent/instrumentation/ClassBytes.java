package io.configdrift.agent.instrumentation;

import java.io.ByteArrayOutputStream;

/** Big-endian reads from a class file's bytes, and a buffer that writes them, for {@link HookSplicer}. */
final class ClassBytes {
  private ClassBytes() {}

  static int u1(byte[] bytes, int at) {
    return bytes[at] & 0xff;
  }

  static int u2(byte[] bytes, int at) {
    return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
  }

  static int s2(byte[] bytes, int at) {
    return (short) u2(bytes, at);
  }

  static int u4(byte[] bytes, int at) {
    return u2(bytes, at) << 16 | u2(bytes, at + 2);
  }

  static void putU2(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 8);
    bytes[at + 1] = (byte) value;
  }

  static void putU4(byte[] bytes, int at, int value) {
    putU2(bytes, at, value >>> 16);
    putU2(bytes, at + 2, value);
  }

  /** A growing class file. */
  static final class Out extends ByteArrayOutputStream {
    Out(int size) {
      super(size);
    }

    Out u1(int value) {
      write(value);
      return this;
    }

    Out u2(int value) {
      write(value >>> 8);
      write(value);
      return this;
    }

    Out u4(int value) {
      return u2(value >>> 16).u2(value);
    }

    Out copy(byte[] from, int start, int end) {
      write(from, start, end - start);
      return this;
    }

    /** The bytes written so far, without copying when the buffer is exactly full. */
    byte[] bytes() {
      return count == buf.length ? buf : toByteArray();
    }
  }
}
