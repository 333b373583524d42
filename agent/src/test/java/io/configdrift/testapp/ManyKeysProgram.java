package io.configdrift.testapp;

import java.nio.file.Path;

/**
 * Reads a great many distinct keys, each once: half from the environment, half system properties,
 * every key long enough that keeping them all would need far more heap than the test gives. Prints
 * the number of reads and the heap in use after a full collection.
 *
 * <p>Arguments: the number of keys; optionally the agent's report file, to end only once a report
 * assembled after the reads is written ({@link FreshReport}).
 */
public final class ManyKeysProgram {
  /** Makes every key about 100 characters long. */
  private static final String PADDING = "-".repeat(80);

  public static void main(String[] args) throws Exception {
    int keys = Integer.parseInt(args[0]);
    // Resolved before the reads: the JDK's first Path reads a property of its own, which would
    // otherwise land after maxKeys and be counted among the program's dropped reads.
    Path reportFile = args.length > 1 ? Path.of(args[1]) : null;
    long set = 0;
    for (int i = 0; i < keys; i++) {
      String value = i % 2 == 0 ? System.getenv(envKey(i)) : System.getProperty(propertyKey(i));
      if (value != null) {
        set++;
      }
    }
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    long usedMegabytes = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    System.out.println("reads=" + keys + " set=" + set);
    System.out.println("heap used after gc MB=" + usedMegabytes);
    if (reportFile != null) {
      FreshReport.await(reportFile);
    }
  }

  public static String envKey(int i) {
    return "MANY_KEY_" + i + PADDING;
  }

  public static String propertyKey(int i) {
    return "many.key." + i + PADDING;
  }
}
