package io.configdrift.agent.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the application code behind a read: the first stack frame that belongs neither to the JDK
 * nor to the agent (nor, for framework-level reads, to the framework), as
 * {@code com.acme.Payment.charge(Payment.java:42)}.
 *
 * <p>It works in two steps. {@link #capture} runs on the application's thread and only records the
 * stack ({@code Throwable}'s native stack capture, a few microseconds even while the JVM still
 * interprets, where a {@code StackWalker} walk costs tens of them). {@link CapturedStack#caller}
 * turns that into a name later, on the reporter thread, when a report is assembled; see
 * docs/benchmarks.md, "Spring Boot start-up".
 */
final class CallerLocator {
  private static final List<String> JDK_AND_AGENT_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.configdrift.agent.bootstrap.");
  /** The agent classes on the stack of an application's read, between the JDK and this locator. */
  private static final Set<String> AGENT_CLASSES = Set.of(ConfigRecorder.class.getName(),
      CallerLocator.class.getName(), CapturedStack.class.getName(), LogicalReadRecorder.class.getName());

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
   * it, and naming the {@code main} method at the bottom of the framework's deep start-up stacks
   * would be no help.
   */
  static CallerLocator forFrameworkReads(List<String> frameworkPackages, int maxFrames) {
    return new CallerLocator(frameworkPackages, maxFrames);
  }

  /** The current thread's stack, to be named later by {@link CapturedStack#caller}. */
  CapturedStack capture() {
    return new CapturedStack(this);
  }

  /** The caller in {@code stack}, innermost frame first, or null when none is in the searched part. */
  String firstApplicationFrame(StackTraceElement[] stack) {
    int searched = Math.min(stack.length, maxFrames);
    for (int i = 0; i < searched; i++) {
      StackTraceElement frame = stack[i];
      if (!isSkipped(frame.getClassName())) {
        return format(frame);
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

  /**
   * A stack captured at a read and not yet named. Never thrown; the JVM fills in its stack when it
   * is created, and only {@link #caller} turns that into frames.
   */
  static final class CapturedStack extends Throwable {
    private static final long serialVersionUID = 1L;
    private final transient CallerLocator locator;

    private CapturedStack(CallerLocator locator) {
      super(null, null, false, true);
      this.locator = locator;
    }

    /** The application frame of this stack, or null. Costly: call it off the application's threads. */
    String caller() {
      return locator.firstApplicationFrame(getStackTrace());
    }
  }
}
