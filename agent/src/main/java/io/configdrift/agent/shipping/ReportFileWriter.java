package io.configdrift.agent.shipping;

import io.configdrift.agent.AgentLog;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the report to a file atomically: to a temporary file beside it, then a rename, so a reader
 * never sees half a report.
 */
final class ReportFileWriter implements ReportSink {
  private static final String TOPIC = "file";
  private final Path target;

  ReportFileWriter(Path target) {
    this.target = target.toAbsolutePath();
  }

  @Override
  public void deliver(byte[] json, boolean finalReport) {
    Path temporary = null;
    try {
      Path directory = target.getParent();
      if (directory != null) {
        Files.createDirectories(directory);
      }
      temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
      Files.write(temporary, json);
      move(temporary, target);
      if (AgentLog.clear(TOPIC)) {
        AgentLog.warn("report file " + target + " written again");
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.warnOnce(TOPIC, "cannot write the report file " + target + ": " + describe(e)
          + "; the application keeps running, the agent keeps trying");
      deleteQuietly(temporary);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // Nothing more to do about a temporary file we cannot remove.
      }
    }
  }

  static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
