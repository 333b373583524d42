package io.configdrift.agent.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options the JVM was started with. On Linux they come from {@code /proc/self/cmdline} and the
 * {@code JAVA_TOOL_OPTIONS}/{@code JDK_JAVA_OPTIONS} variables, which costs a file read; the
 * management API gives the same but loads JMX, a few hundred milliseconds the exit-time report of a
 * short program would otherwise pay. It stays the fallback elsewhere.
 */
final class JvmArguments {
  private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");

  private JvmArguments() {}

  static List<String> read() {
    try {
      List<String> arguments = new ArrayList<>(Arrays.asList(
          new String(Files.readAllBytes(COMMAND_LINE), StandardCharsets.UTF_8).split("\u0000")));
      for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
        String options = System.getenv(variable);
        if (options != null) {
          arguments.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
      }
      return arguments;
    } catch (IOException | RuntimeException notLinux) {
      return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
  }
}
