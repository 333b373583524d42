package io.configdrift.collector.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file the way docker compose does: {@code KEY=VALUE} lines, optionally
 * prefixed with {@code export}; {@code #} comments on their own lines and after unquoted values
 * (after a space); single-quoted values literal, double-quoted values with {@code \n}, {@code \t},
 * {@code \"}, {@code \\} escapes; quoted values may span lines. {@code ${VAR}} is kept as written:
 * the file declares values, it is not a shell. A later line for a key wins.
 *
 * <p>Error messages name the line, never its text: the line may hold a secret.
 */
final class DotEnvParser {
  private static final Pattern ASSIGNMENT = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*=(.*)");

  private final String origin;
  private final String text;
  private int position;
  /** The number of the line {@link #nextLine()} reads next. */
  private int line = 1;

  private DotEnvParser(String origin, String text) {
    this.origin = origin;
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static Map<String, String> parse(String text, String origin) {
    return new DotEnvParser(origin, text).parse();
  }

  private Map<String, String> parse() {
    Map<String, String> values = new LinkedHashMap<>();
    while (position < text.length()) {
      int startLine = line;
      String current = nextLine().strip();
      if (current.isEmpty() || current.startsWith("#")) {
        continue;
      }
      Matcher assignment = ASSIGNMENT.matcher(current);
      if (!assignment.matches()) {
        throw new CliException(origin + ": line " + startLine + " is not KEY=VALUE");
      }
      values.put(assignment.group(1), value(assignment.group(2).stripLeading(), startLine));
    }
    return values;
  }

  private String value(String raw, int startLine) {
    if (raw.startsWith("'")) {
      return quoted(raw, '\'', startLine);
    }
    if (raw.startsWith("\"")) {
      return quoted(raw, '"', startLine);
    }
    int comment = raw.indexOf(" #");
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }

  /**
   * A quoted value from {@code raw} (the rest of its first line) and, while the closing quote is
   * missing, the following lines.
   */
  private String quoted(String raw, char quote, int startLine) {
    StringBuilder value = new StringBuilder();
    String rest = raw.substring(1);
    while (true) {
      for (int i = 0; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c == quote) {
          String after = rest.substring(i + 1).strip();
          if (!after.isEmpty() && !after.startsWith("#")) {
            throw new CliException(origin + ": line " + (line - 1) + " has text after the closing quote");
          }
          return value.toString();
        }
        if (c == '\\' && quote == '"' && i + 1 < rest.length()) {
          value.append(escaped(rest.charAt(++i)));
        } else {
          value.append(c);
        }
      }
      if (position >= text.length()) {
        throw new CliException(origin + ": the value on line " + startLine + " has no closing " + quote);
      }
      value.append('\n');
      rest = nextLine();
    }
  }

  private static String escaped(char c) {
    return switch (c) {
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case '"', '\\', '$' -> String.valueOf(c);
      default -> "\\" + c;
    };
  }

  private String nextLine() {
    int end = text.indexOf('\n', position);
    String current = end < 0 ? text.substring(position) : text.substring(position, end);
    position = end < 0 ? text.length() : end + 1;
    line++;
    return current.endsWith("\r") ? current.substring(0, current.length() - 1) : current;
  }
}
