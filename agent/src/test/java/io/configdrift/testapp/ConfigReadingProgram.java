package io.configdrift.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A program that reads configuration in every way the agent intercepts and prints what each read
 * returned (or threw), so a test can compare its output with and without the agent.
 *
 * <p>Arguments: the number of threads and reads per thread for the concurrent part.
 */
public final class ConfigReadingProgram {
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int readsPerThread = args.length > 1 ? Integer.parseInt(args[1]) : 1000;

    print("getenv(DB_TIMEOUT)", System.getenv("DB_TIMEOUT"));
    print("getenv(UNSET_VARIABLE)", System.getenv("UNSET_VARIABLE"));
    Map<String, String> env = System.getenv();
    print("env.get(PAYMENT_TIMEOUT)", env.get("PAYMENT_TIMEOUT"));
    print("env.getOrDefault(INVENTORY_SERVICE_URL)", env.getOrDefault("INVENTORY_SERVICE_URL", "http://legacy-inventory"));
    print("env.containsKey(ENABLE_NEW_CHECKOUT)", env.containsKey("ENABLE_NEW_CHECKOUT"));
    print("getenv() identity", System.getenv() == env);
    print("getenv() size matches iteration", env.size() == env.entrySet().size());
    attempt("env.put", () -> env.put("X", "y"));
    attempt("getenv(null)", () -> System.getenv(null));

    print("getProperty(app.mode)", System.getProperty("app.mode"));
    print("getProperty(app.region, default)", System.getProperty("app.region", "us-east-1"));
    print("Integer.getInteger(db.pool.size)", Integer.getInteger("db.pool.size"));
    print("Integer.getInteger(http.max.connections, 50)", Integer.getInteger("http.max.connections", 50));
    print("Long.getLong(cache.ttl.millis, 1000L)", Long.getLong("cache.ttl.millis", 1000L));
    print("Boolean.getBoolean(feature.audit.enabled)", Boolean.getBoolean("feature.audit.enabled"));
    Properties props = System.getProperties();
    print("props.getProperty(api.timeout)", props.getProperty("api.timeout"));
    print("props.get(log.level)", props.get("log.level"));
    print("props identity", props == System.getProperties());
    attempt("getProperty(\"\")", () -> System.getProperty(""));
    attempt("getProperty(null)", () -> System.getProperty(null));

    System.setProperty("runtime.flag", "on");
    print("getProperty(runtime.flag) after set", System.getProperty("runtime.flag"));
    System.setProperty("app.mode", "changed");
    print("getProperty(app.mode) after change", System.getProperty("app.mode"));
    print("new Properties is not configuration", new Properties().getProperty("app.mode"));

    readConcurrently(threads, readsPerThread);
    print("concurrent reads done", threads * readsPerThread);
  }

  /** Every thread reads CONCURRENT_KEY and concurrent.key readsPerThread times each. */
  private static void readConcurrently(int threads, int readsPerThread) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < readsPerThread; i++) {
          System.getenv("CONCURRENT_KEY");
          System.getProperty("concurrent.key");
        }
      });
      workers.add(worker);
      worker.start();
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
  }

  private static void print(String what, Object result) {
    System.out.println(what + " = " + result);
  }

  private static void attempt(String what, Runnable action) {
    try {
      action.run();
      print(what, "returned");
    } catch (RuntimeException e) {
      print(what, "threw " + e.getClass().getName());
    }
  }
}
