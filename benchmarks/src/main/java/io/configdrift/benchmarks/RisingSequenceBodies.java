package io.configdrift.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip bodies of one report with a rising sequence, made cheaply so that the load generator, which
 * shares the machine with the collector, spends its time sending rather than compressing. The
 * report without its sequence is compressed once; each body is that gzip member followed by a
 * small second member holding {@code ,"sequence":N}}. Concatenated members are one valid gzip
 * stream (RFC 1952), which the collector unzips and parses in full like any other body.
 */
final class RisingSequenceBodies {
  private final byte[] head;

  RisingSequenceBodies(Report report) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = (ObjectNode) mapper.readTree(ReportJsonWriter.toJson(report));
    json.remove("sequence");
    String text = mapper.writeValueAsString(json);
    head = gzip(text.substring(0, text.lastIndexOf('}')));
  }

  byte[] body(long sequence) throws IOException {
    byte[] tail = gzip(",\"sequence\":" + sequence + "}");
    byte[] body = new byte[head.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, head.length, tail.length);
    return body;
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
