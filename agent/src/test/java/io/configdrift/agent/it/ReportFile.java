package io.configdrift.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a report the agent wrote and finds records in it. */
public final class ReportFile {
  private ReportFile() {}

  public static Report read(Path file) throws IOException {
    assertThat(file).as("report file written by the agent").exists();
    return new ReportCodec().read(Files.readAllBytes(file));
  }

  public static Optional<ReadRecord> find(Report report, String source, String key) {
    return report.reads.stream().filter(r -> r.source.equals(source) && r.key.equals(key)).findFirst();
  }

  public static ReadRecord get(Report report, String source, String key) {
    return find(report, source, key).orElseThrow(() -> new AssertionError("no read of " + source + ":" + key));
  }
}
