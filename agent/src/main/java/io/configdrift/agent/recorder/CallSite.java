package io.configdrift.agent.recorder;

import java.lang.StackWalker.StackFrame;

/**
 * The application frame behind a read, kept as the stack walk found it and written out as text
 * ({@code com.acme.Payment.charge(Payment.java:42)}) only when a report asks for it. Resolving a
 * frame's file and line costs more than the walk that found it (docs/benchmarks.md, "Spring Boot
 * start-up"), and the reporter thread can pay for that instead of the application's threads. Until
 * the next report the frame keeps its class reachable.
 */
final class CallSite {
  private final String className;
  private final String methodName;
  private final int bytecodeIndex;
  /** Null once the text is written. */
  private StackFrame frame;
  private String text;

  CallSite(StackFrame frame) {
    this.className = frame.getClassName();
    this.methodName = frame.getMethodName();
    this.bytecodeIndex = frame.getByteCodeIndex();
    this.frame = frame;
  }

  /** Whether {@code other} is this very call site; resolves no file or line. */
  boolean isAt(StackFrame other) {
    return bytecodeIndex == other.getByteCodeIndex() && className.equals(other.getClassName())
        && methodName.equals(other.getMethodName());
  }

  /** The text of the call site, written on the first call; callers synchronize on the owning record. */
  String text() {
    if (text == null) {
      String file = frame.getFileName();
      int line = frame.getLineNumber();
      String location = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
      text = className + "." + methodName + "(" + location + ")";
      frame = null;
    }
    return text;
  }
}
