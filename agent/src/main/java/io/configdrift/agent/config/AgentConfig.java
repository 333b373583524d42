package io.configdrift.agent.config;

import io.configdrift.protocol.RevealPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The agent's settings, resolved once at start-up from agent arguments, system properties and
 * environment variables. Problems never stop the agent: they become {@link #warnings()} and the
 * option keeps its default.
 */
public final class AgentConfig {
  private final Map<AgentOption, String> values;
  private final List<String> warnings;
  private final Function<String, String> environment;
  private final Function<String, String> systemProperties;

  private AgentConfig(Map<AgentOption, String> values, List<String> warnings,
      Function<String, String> environment, Function<String, String> systemProperties) {
    this.values = values;
    this.warnings = warnings;
    this.environment = environment;
    this.systemProperties = systemProperties;
  }

  /** Resolves the settings from the real process. */
  public static AgentConfig fromProcess(String agentArguments) {
    // Anonymous classes rather than method references: this runs in premain (see PerClass).
    return resolve(agentArguments, new Function<String, String>() {
      @Override
      public String apply(String name) {
        return System.getProperty(name);
      }
    }, new Function<String, String>() {
      @Override
      public String apply(String name) {
        return System.getenv(name);
      }
    });
  }

  /**
   * Resolves the settings; {@code agentArguments} is the text after {@code =} in
   * {@code -javaagent:configdrift-agent.jar=service=checkout,file=/tmp/r.json}.
   */
  public static AgentConfig resolve(String agentArguments, Function<String, String> systemProperties,
      Function<String, String> environment) {
    List<String> warnings = new ArrayList<>();
    Map<AgentOption, String> fromArguments = parseArguments(agentArguments, warnings);
    Map<AgentOption, String> values = new EnumMap<>(AgentOption.class);
    for (AgentOption option : AgentOption.values()) {
      String value = fromArguments.get(option);
      if (value == null) {
        value = blankToNull(systemProperties.apply(option.systemProperty()));
      }
      if (value == null) {
        value = blankToNull(environment.apply(option.environmentVariable()));
      }
      if (value != null) {
        values.put(option, value);
      }
    }
    return new AgentConfig(values, warnings, environment, systemProperties);
  }

  private static Map<AgentOption, String> parseArguments(String arguments, List<String> warnings) {
    Map<AgentOption, String> out = new EnumMap<>(AgentOption.class);
    if (arguments == null || arguments.isBlank()) {
      return out;
    }
    for (String pair : arguments.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
      AgentOption option = AgentOption.byName(name);
      if (option == null || eq < 0) {
        warnings.add(option == null
            ? "unknown agent option '" + name + "' ignored; known options: " + knownOptionNames()
            : "agent option '" + name + "' needs a value, as in " + name + "=...; ignored");
        continue;
      }
      // In agent arguments ',' separates options, so list values use ';' instead.
      out.put(option, pair.substring(eq + 1).trim().replace(';', ','));
    }
    return out;
  }

  private static String knownOptionNames() {
    List<String> names = new ArrayList<>();
    for (AgentOption option : AgentOption.values()) {
      names.add(option.optionName());
    }
    return String.join(", ", names);
  }

  /** The option's value, or its default (null when it has none). */
  public String get(AgentOption option) {
    String value = values.get(option);
    return value != null ? value : option.defaultValue();
  }

  public int intValue(AgentOption option, int minimum) {
    String text = get(option);
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= minimum) {
        return value;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // Fall through to the warning below.
    }
    warnings.add("agent option '" + option.optionName() + "' must be a whole number of at least "
        + minimum + ", not '" + text + "'; using " + option.defaultValue());
    return Integer.parseInt(option.defaultValue());
  }

  /** The option's value if it is one of {@code choices}; otherwise a warning and its default. */
  public String choice(AgentOption option, String... choices) {
    String text = get(option);
    for (String choice : choices) {
      if (choice.equals(text)) {
        return choice;
      }
    }
    warnings.add("agent option '" + option.optionName() + "' must be one of " + String.join(", ", choices)
        + ", not '" + text + "'; using " + option.defaultValue());
    return option.defaultValue();
  }

  public List<String> list(AgentOption option, List<String> defaults) {
    String text = get(option);
    if (text == null) {
      return defaults;
    }
    List<String> out = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        out.add(item.trim());
      }
    }
    return out;
  }

  public RevealPolicy revealPolicy() {
    return new RevealPolicy(list(AgentOption.REVEAL, RevealPolicy.DEFAULT_REVEAL),
        list(AgentOption.SECRET, RevealPolicy.DEFAULT_SECRET));
  }

  /** Reads a setting from the environment the config was resolved against (for OpenTelemetry fallbacks). */
  String environmentVariable(String name) {
    return blankToNull(environment.apply(name));
  }

  String systemProperty(String name) {
    return blankToNull(systemProperties.apply(name));
  }

  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  public String toString() {
    // Names only: values may hold a token.
    return "AgentConfig" + Arrays.toString(values.keySet().toArray());
  }
}
