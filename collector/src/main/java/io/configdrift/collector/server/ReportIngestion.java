package io.configdrift.collector.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.configdrift.collector.storage.IngestResult;
import io.configdrift.collector.storage.Storage;
import io.configdrift.protocol.JsonFieldPath;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Takes a report body from the wire to durable storage: unzip within the size limit, parse,
 * validate, store. Every refusal says what is wrong without echoing the body back, because a body
 * may hold values that must not end up in a log or a response.
 */
final class ReportIngestion {
  private final Storage storage;
  private final ReportCodec codec = new ReportCodec();
  private final ReportValidator validator = new ReportValidator();
  private final long maxReportBytes;
  private final Clock clock;
  private final Consumer<Report> afterChange;

  ReportIngestion(Storage storage, long maxReportBytes, Clock clock, Consumer<Report> afterChange) {
    this.storage = storage;
    this.maxReportBytes = maxReportBytes;
    this.clock = clock;
    this.afterChange = afterChange;
  }

  /** Stores the report; throws {@link InvalidReportException} or {@link BoundedBody.PayloadTooLargeException}. */
  IngestResult ingest(InputStream body, boolean gzip) throws IOException {
    byte[] json;
    try {
      json = BoundedBody.read(body, gzip, maxReportBytes);
    } catch (java.util.zip.ZipException e) {
      throw new InvalidReportException("", "the body is marked gzip but is not valid gzip data");
    }
    Report report = validator.validate(parse(json));
    IngestResult result = storage.ingest(report, clock.instant());
    if (result.changed()) {
      afterChange.accept(report);
    }
    return result;
  }

  private Report parse(byte[] json) {
    if (json.length == 0) {
      throw new InvalidReportException("", "the body is empty; send a report as JSON");
    }
    try {
      return codec.read(json);
    } catch (JsonMappingException e) {
      throw new InvalidReportException(path(e), "the field " + path(e) + " has the wrong type or shape"
          + at(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw new InvalidReportException("", "the body is not valid JSON" + at(e.getLocation()));
    } catch (IOException e) {
      throw new InvalidReportException("", "the body could not be read as JSON");
    }
  }

  private static String path(JsonMappingException e) {
    String path = JsonFieldPath.of(e);
    return path.isEmpty() ? "(top level)" : path;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
