package io.configdrift.collector.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.configdrift.collector.server.InvalidReportException;
import io.configdrift.collector.server.ReportValidator;
import io.configdrift.protocol.JsonFieldPath;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an offline report file (the agent's {@code file=} output), checked as the collector checks one. */
final class ReportFiles {
  private static final ReportCodec CODEC = new ReportCodec();
  private static final ReportValidator VALIDATOR = new ReportValidator();

  private ReportFiles() {}

  /** Throws {@link java.nio.file.NoSuchFileException} and the like as they are: UserErrors says them in one line. */
  static Report read(Path file) throws IOException {
    byte[] json = Files.readAllBytes(file);
    Report report;
    try {
      report = CODEC.read(json);
    } catch (JsonProcessingException e) {
      throw new CliException(file + ": not a valid report: " + describe(e), e);
    }
    try {
      return VALIDATOR.validate(report);
    } catch (InvalidReportException e) {
      throw new CliException(file + ": not a valid report: " + e.getMessage(), e);
    }
  }

  /**
   * "malformed JSON at line 3, column 7: Unexpected character ..." or "reads[0].count at line 9,
   * column 16: Cannot deserialize ...", on one line.
   */
  private static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where = location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    if (e instanceof JsonMappingException mapping && !(e.getCause() instanceof StreamReadException)) {
      String field = JsonFieldPath.of(mapping);
      if (field.isEmpty()) {
        return "expected a JSON object" + where;
      }
      return field + where + ": " + oneLine(e.getOriginalMessage());
    }
    return "malformed JSON" + where + ": " + oneLine(e.getOriginalMessage());
  }

  /** Jackson's message on one line, with its "[Source: ...; line: 2, column: 12]" said shortly. */
  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ")
        .replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)]", "line $1, column $2").trim();
  }
}
