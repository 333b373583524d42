package io.configdrift.collector.cli;

/**
 * Colours for a person at a terminal, none otherwise: output that is piped or redirected, or run
 * with {@code NO_COLOR} set (https://no-color.org), stays plain text that scripts and diffs can use.
 * Colour only ever repeats what the text already says, so nothing is lost without it.
 */
final class Styling {
  /** The few styles the CLI uses, with their ANSI SGR codes. */
  enum Style {
    BOLD("1"), DIM("2"), RED("31"), GREEN("32"), YELLOW("33"), MAGENTA("35"), CYAN("36");

    private final String code;

    Style(String code) {
      this.code = code;
    }
  }

  private static final Styling PLAIN = new Styling(false);
  private static final Styling ANSI = new Styling(true);

  private final boolean colours;

  private Styling(boolean colours) {
    this.colours = colours;
  }

  static Styling plain() {
    return PLAIN;
  }

  static Styling ansi() {
    return ANSI;
  }

  /** Colours only for an interactive terminal, and not when {@code NO_COLOR} is set to anything. */
  static Styling choose(boolean interactiveTerminal, String noColor) {
    boolean noColorRequested = noColor != null && !noColor.isEmpty();
    return interactiveTerminal && !noColorRequested ? ANSI : PLAIN;
  }

  /** For this process's standard output: {@code System.console()} is null when it is not a terminal. */
  static Styling forStandardOutput() {
    return choose(System.console() != null, System.getenv("NO_COLOR"));
  }

  boolean colours() {
    return colours;
  }

  String apply(Style style, String text) {
    if (!colours || style == null || text.isEmpty()) {
      return text;
    }
    return "\u001b[" + style.code + "m" + text + "\u001b[0m";
  }
}
