package io.configdrift.benchmarks;

/** A minimal program for start-up measurements: reads one setting and exits. */
public final class StartupProbe {
  public static void main(String[] args) {
    if (System.getenv("PATH") == null) {
      System.out.println("no PATH");
    }
  }
}
