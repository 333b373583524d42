package io.configdrift.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What a child process writes to a file (its output, a report), read while it is still writing. */
public final class FileText {
  private FileText() {}

  /** Polls {@code file} until it exists and contains {@code text} (at most 30 s); returns its content then. */
  public static String awaitContaining(Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String content = Files.exists(file) ? Files.readString(file) : "";
      if (content.contains(text)) {
        return content;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(file + " never said " + text + "; it says:\n" + content);
      }
      Thread.sleep(50);
    }
  }
}
