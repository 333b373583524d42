package io.configdrift.demo;

import java.util.Map;

/**
 * One checkout: the payment, inventory, feature-flag and API-timeout reads of the stories, done on
 * every request as such code does.
 */
final class CheckoutFlow {
  /** What a checkout decided, from the configuration it read. */
  record Outcome(String inventoryPath, boolean newCheckout, int paymentBudgetSeconds, int apiTimeoutSeconds) {
    String toJson() {
      return "{\"inventory\":\"" + inventoryPath + "\",\"newCheckout\":" + newCheckout
          + ",\"paymentBudgetSeconds\":" + paymentBudgetSeconds + ",\"apiTimeoutSeconds\":" + apiTimeoutSeconds + "}";
    }
  }

  Outcome process(int amountCents) {
    Map<String, String> env = System.getenv();
    int paymentTimeout = Integer.parseInt(env.getOrDefault("PAYMENT_TIMEOUT", "30"));
    int maxRetries = Integer.parseInt(env.getOrDefault("PAYMENT_MAX_RETRIES", "3"));

    // The silent fallback: a missing URL quietly keeps the old code path.
    String inventoryUrl = System.getenv("INVENTORY_SERVICE_URL");
    String inventoryPath = inventoryUrl == null ? "legacy" : "service";

    boolean newCheckout = Boolean.parseBoolean(env.getOrDefault("ENABLE_NEW_CHECKOUT", "false"));
    if (newCheckout) {
      int rolloutPercent = Integer.parseInt(env.getOrDefault("CHECKOUT_ROLLOUT_PERCENT", "0"));
      newCheckout = amountCents % 100 < rolloutPercent;
    }

    int apiTimeout = Integer.parseInt(env.containsKey("API_TIMEOUT") ? env.get("API_TIMEOUT") : "30");
    return new Outcome(inventoryPath, newCheckout, paymentTimeout * maxRetries, apiTimeout);
  }
}
