package io.configdrift.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a report as JSON with Jackson's streaming generator alone. The agent writes reports and
 * never reads them; data binding costs its first report more than 100 ms (building an
 * {@code ObjectMapper} and introspecting the report classes, interpreted; docs/benchmarks.md), which
 * a short-lived program pays at exit. The fields, their order and the null handling are those of the report
 * classes as data binding writes them ({@code ReportJsonWriterTest} holds the two to the same
 * output), so {@link ReportCodec} reads what this writes. The collector stores reports with it too,
 * so there is one writer of reports.
 */
public final class ReportJsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ReportJsonWriter() {}

  /** The report indented for people (the report file, the collector's API). */
  public static byte[] toJson(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      write(report, out, true);
    } catch (IOException e) {
      throw new UncheckedIOException("a report could not be written as JSON", e);
    }
    return out.toByteArray();
  }

  /** The report without indentation, for a machine (the collector's stored copy); closes {@code out}. */
  public static void writeCompact(Report report, OutputStream out) throws IOException {
    write(report, out, false);
  }

  private static void write(Report report, OutputStream out, boolean indented) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      if (indented) {
        // Lines end with "\n" whatever line.separator says: an application may have cleared or changed it.
        json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      }
      json.writeStartObject();
      json.writeNumberField("schemaVersion", report.schemaVersion);
      text(json, "service", report.service);
      text(json, "environment", report.environment);
      text(json, "region", report.region);
      text(json, "instance", report.instance);
      text(json, "serviceVersion", report.serviceVersion);
      text(json, "agentVersion", report.agentVersion);
      text(json, "startedAt", report.startedAt);
      text(json, "generatedAt", report.generatedAt);
      json.writeNumberField("sequence", report.sequence);
      if (report.fingerprint != null) {
        json.writeObjectFieldStart("fingerprint");
        json.writeStringField("algorithm", report.fingerprint.algorithm);
        json.writeEndObject();
      }
      array(json, "reads", report.reads, ReportJsonWriter::read);
      array(json, "available", report.available, ReportJsonWriter::available);
      json.writeNumberField("dropped", report.dropped);
      json.writeEndObject();
    }
  }

  private static void read(JsonGenerator json, ReadRecord read) throws IOException {
    json.writeStartObject();
    text(json, "source", read.source);
    text(json, "key", read.key);
    json.writeBooleanField("present", read.present);
    text(json, "fingerprint", read.fingerprint);
    text(json, "value", read.value);
    json.writeBooleanField("defaultUsed", read.defaultUsed);
    text(json, "defaultFingerprint", read.defaultFingerprint);
    text(json, "defaultValue", read.defaultValue);
    json.writeNumberField("count", read.count);
    text(json, "firstReadAt", read.firstReadAt);
    text(json, "lastReadAt", read.lastReadAt);
    array(json, "callers", read.callers, JsonGenerator::writeString);
    json.writeBooleanField("valueChanged", read.valueChanged);
    text(json, "winningSource", read.winningSource);
    text(json, "origin", read.origin);
    number(json, "winningOrdinal", read.winningOrdinal);
    array(json, "candidates", read.candidates, ReportJsonWriter::candidate);
    json.writeEndObject();
  }

  /** A text field of a class that leaves out nulls. */
  private static void text(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator json, String name, Integer value) throws IOException {
    if (value != null) {
      json.writeNumberField(name, value);
    }
  }

  private static void available(JsonGenerator json, AvailableRecord available) throws IOException {
    json.writeStartObject();
    json.writeStringField("source", available.source);
    json.writeStringField("key", available.key);
    json.writeStringField("fingerprint", available.fingerprint);
    json.writeEndObject();
  }

  private static void candidate(JsonGenerator json, CandidateRecord candidate) throws IOException {
    json.writeStartObject();
    text(json, "source", candidate.source);
    text(json, "fingerprint", candidate.fingerprint);
    text(json, "value", candidate.value);
    text(json, "origin", candidate.origin);
    number(json, "ordinal", candidate.ordinal);
    json.writeEndObject();
  }

  /** A list field of a class that leaves out nulls; a null element is written as null. */
  private static <T> void array(JsonGenerator json, String name, List<T> values, ElementWriter<T> element)
      throws IOException {
    if (values == null) {
      return;
    }
    json.writeArrayFieldStart(name);
    for (T value : values) {
      if (value == null) {
        json.writeNull();
      } else {
        element.write(json, value);
      }
    }
    json.writeEndArray();
  }

  private interface ElementWriter<T> {
    void write(JsonGenerator json, T value) throws IOException;
  }
}
