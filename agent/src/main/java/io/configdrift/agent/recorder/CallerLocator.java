package io.configdrift.agent.recorder;

import java.util.Optional;
import java.util.Set;

/**
 * Finds the application code behind a read: the first stack frame that belongs neither to the JDK
 * nor to the agent, as {@code com.acme.Payment.charge(Payment.java:42)}.
 */
final class CallerLocator {
  private static final String[] SKIPPED_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.configdrift.agent.bootstrap."
  };
  /** The agent classes on the stack of an application's read, between the JDK and this locator. */
  private static final Set<String> AGENT_CLASSES =
      Set.of(ConfigRecorder.class.getName(), CallerLocator.class.getName());

  private final StackWalker walker = StackWalker.getInstance();

  /** The caller, or null when no application frame is on the stack. */
  String locate() {
    Optional<StackWalker.StackFrame> frame =
        walker.walk(frames -> frames.filter(f -> !isSkipped(f.getClassName())).findFirst());
    return frame.map(CallerLocator::format).orElse(null);
  }

  static boolean isSkipped(String className) {
    if (AGENT_CLASSES.contains(className)) {
      return true;
    }
    for (String prefix : SKIPPED_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String format(StackWalker.StackFrame frame) {
    String file = frame.getFileName();
    int line = frame.getLineNumber();
    String location = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
    return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
  }
}
