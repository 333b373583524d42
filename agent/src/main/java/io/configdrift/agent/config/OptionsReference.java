package io.configdrift.agent.config;

/**
 * Renders the options table of docs/agent-configuration.md from {@link AgentOption}, so the
 * reference cannot drift from the code (a test compares the two).
 */
public final class OptionsReference {
  private OptionsReference() {}

  public static String markdownTable() {
    StringBuilder out = new StringBuilder();
    out.append("| option | system property | environment variable | default | what it does |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    for (AgentOption option : AgentOption.values()) {
      out.append("| `").append(option.optionName()).append("` | `").append(option.systemProperty())
          .append("` | `").append(option.environmentVariable()).append("` | ")
          .append(option.defaultValue() == null ? "" : "`" + option.defaultValue() + "`").append(" | ")
          .append(option.description()).append(" |\n");
    }
    return out.toString();
  }
}
