package io.configdrift.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The classes a child JVM loaded, in order, from its {@code -Xlog:class+load} file. */
public final class ClassLoadLog {
  /** The package of the ASM the agent bundles: loaded only when the hook splicer declines a class. */
  public static final String AGENT_ASM = "io.configdrift.agent.shaded.bytebuddy.";

  private ClassLoadLog() {}

  /** The JVM option that writes the log to {@code file}. */
  public static String option(Path file) {
    return "-Xlog:class+load=info:file=" + file;
  }

  /** The names of the classes in the log, in the order they loaded. */
  public static List<String> classNames(Path file) throws Exception {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      // [0.051s][info][class,load] io.configdrift.agent.AgentMain source: file:/...
      int start = line.indexOf("] ", line.indexOf("[class,load]")) + 2;
      int end = line.indexOf(' ', start);
      names.add(line.substring(start, end < 0 ? line.length() : end));
    }
    return names;
  }
}
