package io.configdrift.agent.recorder;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the application code behind a read: the first stack frame that belongs neither to the JDK
 * nor to the agent (nor, for framework-level reads, to the framework). {@link CallSite} writes it
 * out later, off the application's thread.
 */
final class CallerLocator {
  private static final List<String> JDK_AND_AGENT_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.configdrift.agent.bootstrap.");
  /** The agent classes on the stack of an application's read, between the JDK and this locator. */
  private static final Set<String> AGENT_CLASSES = Set.of(ConfigRecorder.class.getName(),
      CallerLocator.class.getName(), LogicalReadRecorder.class.getName());

  private final StackWalker walker = StackWalker.getInstance();
  /** An anonymous class rather than a method reference: the first read comes while the application starts (see PerClass). */
  private final Function<Stream<StackFrame>, StackFrame> firstApplicationFrame =
      new Function<Stream<StackFrame>, StackFrame>() {
        @Override
        public StackFrame apply(Stream<StackFrame> frames) {
          return firstApplicationFrame(frames);
        }
      };
  private final String[] skippedPrefixes;
  private final long maxFrames;

  private CallerLocator(List<String> extraPrefixes, long maxFrames) {
    List<String> prefixes = new ArrayList<>(JDK_AND_AGENT_PREFIXES);
    prefixes.addAll(extraPrefixes);
    this.skippedPrefixes = prefixes.toArray(new String[0]);
    this.maxFrames = maxFrames;
  }

  /** For reads of the JDK: the whole stack is searched. */
  static CallerLocator forJdkReads() {
    return new CallerLocator(List.of(), Long.MAX_VALUE);
  }

  /**
   * For framework-level reads: frames of the framework and of the agent's framework support are
   * skipped too, and only the innermost {@code maxFrames} frames are searched. A lookup that the
   * framework's own wiring makes ({@code @Value} injection, binding) has no application frame near
   * it, and walking the framework's deep start-up stacks to the {@code main} method would cost
   * start-up time for nothing.
   */
  static CallerLocator forFrameworkReads(List<String> frameworkPrefixes, long maxFrames) {
    return new CallerLocator(frameworkPrefixes, maxFrames);
  }

  /** The caller's frame, or null when no application frame is on the (searched part of the) stack. */
  StackFrame locate() {
    return walker.walk(firstApplicationFrame);
  }

  /**
   * A plain loop rather than {@code limit/filter/findFirst}: a framework's start-up walks hundreds of
   * times while the JVM still interprets, where every stream stage costs (measured in
   * docs/benchmarks.md, "Spring Boot start-up").
   */
  private StackFrame firstApplicationFrame(Stream<StackFrame> frames) {
    Iterator<StackFrame> stack = frames.iterator();
    for (long searched = 0; searched < maxFrames && stack.hasNext(); searched++) {
      StackFrame frame = stack.next();
      if (!isSkipped(frame.getClassName())) {
        return frame;
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
}
