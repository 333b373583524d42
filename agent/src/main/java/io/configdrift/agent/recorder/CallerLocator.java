package io.configdrift.agent.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the application code behind a read: the first stack frame that belongs neither to the JDK
 * nor to the agent (nor, for framework-level reads, to the framework), as
 * {@code com.acme.Payment.charge(Payment.java:42)}.
 *
 * <p>It works in two steps. On the reading thread it only {@linkplain #capture() captures} the
 * stack: a {@code Throwable}'s stack is filled in by the JVM in native code, five to eight times
 * faster than a {@code StackWalker} walk while the JVM still interprets (docs/benchmarks.md,
 * "Spring Boot start-up"). The reporter thread later {@linkplain #caller(Throwable) resolves} it:
 * turning frames into class, method, file and line is the expensive part.
 */
final class CallerLocator {
  private static final List<String> JDK_AND_AGENT_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.configdrift.agent.bootstrap.");
  /** The agent classes on the stack of an application's read, between the JDK and this locator. */
  private static final Set<String> AGENT_CLASSES = Set.of(ConfigRecorder.class.getName(),
      CallerLocator.class.getName(), LogicalReadRecorder.class.getName());

  private final String[] skippedPrefixes;
  private final int maxFrames;

  private CallerLocator(List<String> extraPrefixes, int maxFrames) {
    List<String> prefixes = new ArrayList<>(JDK_AND_AGENT_PREFIXES);
    prefixes.addAll(extraPrefixes);
    this.skippedPrefixes = prefixes.toArray(new String[0]);
    this.maxFrames = maxFrames;
  }

  /** For reads of the JDK: the whole stack is searched. */
  static CallerLocator forJdkReads() {
    return new CallerLocator(List.of(), Integer.MAX_VALUE);
  }

  /**
   * For framework-level reads: frames of the framework and of the agent's framework support are
   * skipped too, and only the innermost {@code maxFrames} frames are searched. A lookup that the
   * framework's own wiring makes ({@code @Value} injection, binding) has no application frame near
   * it; the application frame far below it (its {@code main} method) is not who read the key.
   */
  static CallerLocator forFrameworkReads(List<String> frameworkPrefixes, int maxFrames) {
    return new CallerLocator(frameworkPrefixes, maxFrames);
  }

  /** The current thread's stack, for {@link #caller(Throwable)}; resolves nothing. */
  Throwable capture() {
    return new Throwable();
  }

  /**
   * The caller in a stack from {@link #capture()}, or null when no application frame is in (the
   * searched part of) it, also when the JVM keeps no stacks ({@code -XX:-StackTraceInThrowable}).
   */
  String caller(Throwable captured) {
    StackTraceElement[] frames = captured.getStackTrace();
    for (int i = 0; i < frames.length && i < maxFrames; i++) {
      if (!isSkipped(frames[i].getClassName())) {
        return format(frames[i]);
      }
    }
    return null;
  }

  boolean isSkipped(String className) {
    if (AGENT_CLASSES.contains(className)) {
      return true;
    }
    for (String prefix : skippedPrefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String format(StackTraceElement frame) {
    String file = frame.getFileName();
    int line = frame.getLineNumber();
    String location = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
    return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
  }
}
