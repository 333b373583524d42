package io.configdrift.testapp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads DB_TIMEOUT every 50 ms until the file named by its argument exists (or 60 s pass). */
public final class LongRunningProgram {
  public static void main(String[] args) throws InterruptedException {
    Path stop = Path.of(args[0]);
    long deadline = System.currentTimeMillis() + 60_000;
    System.out.println("running");
    while (!Files.exists(stop) && System.currentTimeMillis() < deadline) {
      System.getenv("DB_TIMEOUT");
      Thread.sleep(50);
    }
  }
}
