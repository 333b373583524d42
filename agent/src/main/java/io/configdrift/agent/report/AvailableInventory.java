package io.configdrift.agent.report;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.Sources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What is set in the process, read or not: every environment variable, and the system properties
 * that someone set (on the command line with {@code -D}, or at run time), leaving out the ones the
 * JVM defines itself ({@code java.version}, {@code os.name}, ...), which are no configuration.
 */
public final class AvailableInventory {
  /** Namespaces of the properties the JVM itself defines, some of them only when first needed. */
  private static final List<String> JVM_PROPERTY_PREFIXES = List.of(
      "java.", "jdk.", "sun.", "os.", "user.", "file.", "line.", "path.", "native.", "stdout.", "stderr.");

  private final Set<String> propertiesAtStart;
  private volatile Set<String> commandLineProperties;

  /** Call at agent start, before the application runs, to tell JVM properties from later ones. */
  public AvailableInventory(Properties systemProperties) {
    this.propertiesAtStart = Collections.unmodifiableSet(new TreeSet<>(systemProperties.stringPropertyNames()));
  }

  /** Never called on an application thread: it reads the whole environment and the JVM's arguments. */
  public List<AvailableRecord> collect(Map<String, String> environment, Properties systemProperties,
      Fingerprinter fingerprinter) {
    List<AvailableRecord> out = new ArrayList<>();
    for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      out.add(new AvailableRecord(Sources.ENV, variable.getKey(), fingerprinter.fingerprint(variable.getValue())));
    }
    for (String name : new TreeSet<>(systemProperties.stringPropertyNames())) {
      if (commandLineProperties().contains(name) || setAfterStart(name)) {
        out.add(new AvailableRecord(Sources.SYSPROP, name,
            fingerprinter.fingerprint(systemProperties.getProperty(name))));
      }
    }
    return out;
  }

  /** Set by someone after the agent started; the JVM defines some of its own lazily, which do not count. */
  private boolean setAfterStart(String name) {
    if (propertiesAtStart.contains(name)) {
      return false;
    }
    for (String prefix : JVM_PROPERTY_PREFIXES) {
      if (name.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  private Set<String> commandLineProperties() {
    Set<String> names = commandLineProperties;
    if (names == null) {
      names = parseDefinitions(JvmArguments.read());
      commandLineProperties = names;
    }
    return names;
  }

  /** The names defined by {@code -Dname=value} (or {@code -Dname}) among the JVM's arguments. */
  static Set<String> parseDefinitions(List<String> jvmArguments) {
    Set<String> names = new TreeSet<>();
    for (String argument : jvmArguments) {
      if (argument.startsWith("-D") && argument.length() > 2) {
        int eq = argument.indexOf('=');
        names.add(eq < 0 ? argument.substring(2) : argument.substring(2, eq));
      }
    }
    return names;
  }
}
