package io.configdrift.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many threads set, read and clear system properties at once and check what they see: a thread's
 * own keys must read back exactly what it last wrote (or nothing after a clear), and a key all
 * threads write must always hold one of the values written. Prints the counts of broken checks and
 * of exceptions, how often the shared key was read, and the final state of every thread's keys.
 *
 * <p>Arguments: threads, iterations per thread.
 */
public final class PropertyChurnProgram {
  static final String SHARED = "churn.shared";
  private static final int KEYS_PER_THREAD = 8;

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    int iterations = Integer.parseInt(args[1]);
    AtomicLong broken = new AtomicLong();
    AtomicLong exceptions = new AtomicLong();
    AtomicLong sharedReads = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < iterations; i++) {
            try {
              broken.addAndGet(churn(thread, i));
              sharedReads.incrementAndGet();
            } catch (RuntimeException e) {
              exceptions.incrementAndGet();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "churn-" + t);
      workers.add(worker);
      worker.start();
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    Map<String, String> finalState = new TreeMap<>();
    Properties properties = System.getProperties();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("churn.t")) {
        finalState.put(name, properties.getProperty(name));
      }
    }
    System.out.println("threads=" + threads + " iterations=" + iterations);
    System.out.println("broken checks=" + broken.get());
    System.out.println("exceptions=" + exceptions.get());
    System.out.println("shared reads=" + sharedReads.get());
    System.out.println("final keys=" + finalState.size() + " state hash=" + finalState.hashCode());
  }

  /** One round on the thread's own keys and the shared key; returns the number of broken checks. */
  private static int churn(int thread, int i) {
    int broken = 0;
    String key = "churn.t" + thread + ".k" + (i % KEYS_PER_THREAD);
    String value = Integer.toString(thread * 1_000_000 + i);
    System.setProperty(key, value);
    broken += value.equals(System.getProperty(key)) ? 0 : 1;
    broken += Integer.valueOf(thread * 1_000_000 + i).equals(Integer.getInteger(key)) ? 0 : 1;
    broken += value.equals(System.getProperties().get(key)) ? 0 : 1;
    broken += value.equals(System.getProperty(key, "default")) ? 0 : 1;
    System.setProperty(SHARED, "v" + value);
    String shared = System.getProperty(SHARED);
    broken += shared != null && shared.startsWith("v") ? 0 : 1;
    if (i % 3 == 0) {
      System.clearProperty(key);
      broken += System.getProperty(key) == null ? 0 : 1;
      broken += "fallback".equals(System.getProperty(key, "fallback")) ? 0 : 1;
      broken += Long.getLong(key, 7L) == 7L ? 0 : 1;
      broken += !Boolean.getBoolean(key) ? 0 : 1;
      System.setProperty(key, value);
    }
    return broken;
  }
}
