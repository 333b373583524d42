package io.configdrift.collector.storage;

import java.time.Instant;

/**
 * Run in a child JVM by {@link SqliteKillTest}: ingests reports of one instance for ever and prints
 * the sequence of each one as soon as {@code ingest} returned, that is, once it is acknowledged.
 */
public final class IngestUntilKilled {
  /** KEY_0 takes a new value on every sequence that is a multiple of this; the others never change. */
  static final long CHANGE_EVERY = 10;

  public static void main(String[] args) {
    Storage storage = StorageFactory.open(args[0]);
    Instant start = Instant.parse("2025-03-01T10:00:00Z");
    for (long sequence = 1; ; sequence++) {
      // A new value now and then, so both the cheap and the timeline path are interrupted.
      ReportBuilder report = ReportBuilder.report("checkout", "production", "eu-west-1", "pod-1").sequence(sequence);
      for (int key = 0; key < 50; key++) {
        report.read("KEY_" + key, key == 0 ? "v" + sequence / CHANGE_EVERY : "constant");
      }
      storage.ingest(report.counted(sequence).build(), start.plusMillis(sequence));
      System.out.println("acknowledged " + sequence);
      System.out.flush();
    }
  }
}
