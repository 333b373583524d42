package io.configdrift.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only output: single lines on stderr, prefixed so they can be told from the
 * application's. Never pass a configuration value or a token to it.
 */
public final class AgentLog {
  private static final Set<String> ONCE = ConcurrentHashMap.newKeySet();

  private AgentLog() {}

  public static void warn(String message) {
    System.err.println("[configdrift] " + message);
  }

  /** Prints the message the first time {@code topic} is warned about, until {@link #clear}. */
  public static void warnOnce(String topic, String message) {
    if (ONCE.add(topic)) {
      warn(message);
    }
  }

  /** Whether {@code topic} has been warned about and not cleared since. */
  public static boolean clear(String topic) {
    return ONCE.remove(topic);
  }
}
