package io.configdrift.collector.web;

import java.util.Optional;

/**
 * A tiny "checkout service" for the drift page's browser test, run in child JVMs under the real
 * agent. It reads its configuration the way the drift stories do; which values each scope gets
 * is up to the test. It exits at once: the agent sends its report at exit.
 */
public final class CheckoutProgram {
  /** A key made of markup: the page must show it as text. */
  public static final String MARKUP_KEY = "<img src=x onerror=alert(1)>";

  private CheckoutProgram() {}

  /** args[0]: the value this instance gives {@link #MARKUP_KEY}. */
  public static void main(String[] args) {
    String dbTimeout = System.getenv("DB_TIMEOUT");
    // A fallback the agent cannot see: where the variable is unset the code gets null ("missing").
    String inventory = Optional.ofNullable(System.getenv("INVENTORY_SERVICE_URL")).orElse("http://legacy-inventory");
    String logLevel = System.getenv("LOG_LEVEL");
    String banner = System.getenv("FEATURE_BANNER");
    // A fallback the agent records ("defaulted" where the property is unset).
    Integer poolSize = Integer.getInteger("db.pool.size", 10);
    // A name with '=' in it cannot be given with -D, so this instance sets it before reading it.
    System.setProperty(MARKUP_KEY, args.length > 0 ? args[0] : "on");
    String markup = System.getProperty(MARKUP_KEY);
    System.out.println("checkout: timeout=" + dbTimeout + " inventory=" + inventory + " log=" + logLevel
        + " banner=" + banner + " pool=" + poolSize + " markup=" + markup);
  }
}
