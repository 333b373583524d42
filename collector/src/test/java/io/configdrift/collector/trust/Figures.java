package io.configdrift.collector.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Measured figures: printed, and kept in target/trust-figures for docs/reliability.md. */
final class Figures {
  private Figures() {}

  static void record(String name, String text) throws IOException {
    System.out.println(name + ": " + text);
    Path folder = Path.of("target", "trust-figures");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(name + ".txt"), text + "\n");
  }

  /** "p50 … p95 … p99 … max …" of latencies in nanoseconds, in milliseconds. */
  static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] / 1e6;
  }
}
