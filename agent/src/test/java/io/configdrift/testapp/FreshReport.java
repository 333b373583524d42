package io.configdrift.testapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets a short test program end only after the agent wrote a report assembled after the program's
 * work, instead of relying on the exit report, which a busy machine may not finish within the
 * agent's 2 s exit budget. Needs the agent's {@code interval=1} and {@code file=}.
 */
final class FreshReport {
  private FreshReport() {}

  /** Deletes the report file and waits, at most 30 s, until the agent writes it again. */
  static void await(Path report) throws IOException, InterruptedException {
    Files.deleteIfExists(report);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!Files.exists(report) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
