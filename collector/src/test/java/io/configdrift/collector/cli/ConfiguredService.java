package io.configdrift.collector.cli;

import java.time.Duration;

/**
 * A stand-in service for {@link CliAgainstCollectorIT}: reads its configuration the way services
 * do, says so, and keeps running (so its agent keeps reporting) until the test stops it.
 */
public final class ConfiguredService {
  public static final String READY = "configured";

  private ConfiguredService() {}

  public static void main(String[] args) throws InterruptedException {
    System.getenv("DB_TIMEOUT");
    System.getenv("PAYMENT_TIMEOUT");
    System.getenv("DB_PASSWORD");
    System.getenv().getOrDefault("INVENTORY_SERVICE_URL", "http://legacy-inventory");
    System.out.println(READY);
    System.out.flush();
    // Bounded, so that a test run that dies without stopping it leaves nothing behind for long.
    Thread.sleep(Duration.ofMinutes(10).toMillis());
  }
}
