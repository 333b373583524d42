package io.configdrift.benchmarks;

/** A minimal program for start-up measurements: says it is running, reads one setting and exits. */
public final class StartupProbe {
  public static void main(String[] args) {
    System.out.println("started");
    if (System.getenv("PATH") == null) {
      System.out.println("no PATH");
    }
  }
}
