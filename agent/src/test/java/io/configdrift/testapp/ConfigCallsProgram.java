package io.configdrift.testapp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Replays a file of calls on every JDK method the agent intercepts and prints, per call, what it
 * returned (with its type) or the class of what it threw. A test runs it once with and once without
 * the agent and compares the two outputs line by line.
 *
 * <p>Arguments: the file, one call a line as written by {@link Call#encode()}; optionally the
 * agent's report file, to end only once a report assembled after the last call is written
 * ({@link FreshReport}).
 */
public final class ConfigCallsProgram {
  /** Every intercepted way to read configuration, and the two ways to change a system property. */
  public enum Method {
    GETENV(1), ENV_GET(1), ENV_GET_OR_DEFAULT(2), ENV_CONTAINS_KEY(1), ENV_GET_INTEGER_KEY(1),
    GET_PROPERTY(1), GET_PROPERTY_WITH_DEFAULT(2),
    INTEGER_GET_INTEGER(1), INTEGER_GET_INTEGER_INT_DEFAULT(2), INTEGER_GET_INTEGER_OBJECT_DEFAULT(2),
    LONG_GET_LONG(1), LONG_GET_LONG_LONG_DEFAULT(2), LONG_GET_LONG_OBJECT_DEFAULT(2),
    BOOLEAN_GET_BOOLEAN(1),
    PROPERTIES_GET(1), PROPERTIES_GET_INTEGER_KEY(1), PROPERTIES_GET_PROPERTY(1), PROPERTIES_GET_PROPERTY_WITH_DEFAULT(2),
    SET_PROPERTY(2), CLEAR_PROPERTY(1);

    public final int arity;

    Method(int arity) {
      this.arity = arity;
    }
  }

  /**
   * One call: a method and its arguments, any of which may be null. Numeric arguments are given as
   * text and parsed by the program (an unparsable one is passed as null or 0).
   */
  public static final class Call {
    private static final String NULL = "~";
    public final Method method;
    public final List<String> arguments;

    public Call(Method method, String... arguments) {
      if (arguments.length != method.arity) {
        throw new IllegalArgumentException(method + " takes " + method.arity + " arguments");
      }
      this.method = method;
      this.arguments = Arrays.asList(arguments);
    }

    /** One line: the method, then each argument as hex UTF-16 code units, so any string survives, lone surrogates too. */
    public String encode() {
      StringBuilder line = new StringBuilder(method.name());
      for (String argument : arguments) {
        line.append(' ');
        if (argument == null) {
          line.append(NULL);
        } else {
          line.append('x');
          for (int i = 0; i < argument.length(); i++) {
            line.append(String.format("%04x", (int) argument.charAt(i)));
          }
        }
      }
      return line.toString();
    }

    static Call decode(String line) {
      String[] parts = line.split(" ", -1);
      String[] arguments = new String[parts.length - 1];
      for (int a = 1; a < parts.length; a++) {
        String hex = parts[a];
        if (hex.equals(NULL)) {
          continue;
        }
        char[] chars = new char[(hex.length() - 1) / 4];
        for (int c = 0; c < chars.length; c++) {
          chars[c] = (char) Integer.parseInt(hex.substring(1 + 4 * c, 5 + 4 * c), 16);
        }
        arguments[a - 1] = new String(chars);
      }
      return new Call(Method.valueOf(parts[0]), arguments);
    }

    @Override
    public String toString() {
      List<String> shown = new ArrayList<>();
      for (String argument : arguments) {
        shown.add(describe(argument));
      }
      return method + shown.toString();
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.US_ASCII);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Call call = Call.decode(lines.get(i));
      String outcome;
      try {
        outcome = describe(invoke(call.method, call.arguments));
      } catch (RuntimeException e) {
        outcome = "threw " + e.getClass().getName();
      }
      out.println(i + " " + call.method + " -> " + outcome);
    }
    out.flush();
    if (args.length > 1) {
      FreshReport.await(Path.of(args[1]));
    }
  }

  private static Object invoke(Method method, List<String> a) {
    Map<String, String> env = System.getenv();
    Properties properties = System.getProperties();
    switch (method) {
      case GETENV: return System.getenv(a.get(0));
      case ENV_GET: return env.get(a.get(0));
      case ENV_GET_OR_DEFAULT: return env.getOrDefault(a.get(0), a.get(1));
      case ENV_CONTAINS_KEY: return env.containsKey(a.get(0));
      case ENV_GET_INTEGER_KEY: return ((Map<?, ?>) env).get(integerOrNull(a.get(0)));
      case GET_PROPERTY: return System.getProperty(a.get(0));
      case GET_PROPERTY_WITH_DEFAULT: return System.getProperty(a.get(0), a.get(1));
      case INTEGER_GET_INTEGER: return Integer.getInteger(a.get(0));
      case INTEGER_GET_INTEGER_INT_DEFAULT: return Integer.getInteger(a.get(0), intOrZero(a.get(1)));
      case INTEGER_GET_INTEGER_OBJECT_DEFAULT: return Integer.getInteger(a.get(0), integerOrNull(a.get(1)));
      case LONG_GET_LONG: return Long.getLong(a.get(0));
      case LONG_GET_LONG_LONG_DEFAULT: return Long.getLong(a.get(0), longOrNull(a.get(1)) == null ? 0L : longOrNull(a.get(1)));
      case LONG_GET_LONG_OBJECT_DEFAULT: return Long.getLong(a.get(0), longOrNull(a.get(1)));
      case BOOLEAN_GET_BOOLEAN: return Boolean.getBoolean(a.get(0));
      case PROPERTIES_GET: return properties.get(a.get(0));
      case PROPERTIES_GET_INTEGER_KEY: return properties.get(integerOrNull(a.get(0)));
      case PROPERTIES_GET_PROPERTY: return properties.getProperty(a.get(0));
      case PROPERTIES_GET_PROPERTY_WITH_DEFAULT: return properties.getProperty(a.get(0), a.get(1));
      case SET_PROPERTY: return System.setProperty(a.get(0), a.get(1));
      case CLEAR_PROPERTY: return System.clearProperty(a.get(0));
      default: throw new AssertionError(method);
    }
  }

  private static Integer integerOrNull(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int intOrZero(String text) {
    Integer value = integerOrNull(text);
    return value == null ? 0 : value;
  }

  private static Long longOrNull(String text) {
    try {
      return text == null ? null : Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A result as one printable line: its type and value, long strings by length and hash. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String type = value.getClass().getSimpleName();
    String text = value.toString();
    if (text.length() > 200) {
      return type + "(length " + text.length() + ", hash " + text.hashCode() + ")";
    }
    StringBuilder escaped = new StringBuilder(type).append('(');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.append(')').toString();
  }
}
