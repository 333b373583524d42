package io.configdrift.collector.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configdrift.collector.testsupport.Http;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import io.configdrift.protocol.ReportJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Bodies no collector may accept, made from a valid report by a seeded {@link Random}: truncated,
 * with bytes no JSON text may hold, with a field of the wrong type or shape (also one Jackson would
 * convert by default), with text after the report, with a field missing or out of
 * range, oversized, too many entries, nested too deep, with identifiers that traverse paths, with
 * invalid UTF-8, and gzip that is broken or a bomb. Hostile text (SQL, HTML) rides along in
 * identifiers and keys, always next to a defect, so that the whole report must be refused.
 */
final class HostileReports {
  /** One body to POST, and what kind of damage it has. */
  record Attempt(String kind, byte[] body, boolean gzip) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> HOSTILE_TEXT = List.of("'; DROP TABLE instance; --", "\" OR 1=1 --",
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/x}", "%00", "{{7*7}}");
  /** Identifiers are path segments of the API: none may hold '/' or '\\', or be '.' or '..'. */
  private static final List<String> TRAVERSALS = List.of("../../etc/passwd", "..", ".", "a/b", "..\\..\\windows",
      "/absolute", "%2e%2e/x", "x/../y");
  /** Bytes that make any JSON text invalid wherever they stand: C0 controls but whitespace, and bytes no UTF-8 holds. */
  private static final byte[] FORBIDDEN_BYTES = {0x00, 0x01, 0x02, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f,
      (byte) 0xc0, (byte) 0xc1, (byte) 0xf5, (byte) 0xf8, (byte) 0xfe, (byte) 0xff};
  private static final byte[][] INVALID_UTF8 = {
      {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, 0x28, (byte) 0x8c, 0x28},
      {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xbf}};

  private final Random random;
  private final byte[] valid;
  private final List<Function<Random, Attempt>> mutations = List.of(
      this::truncated, this::truncatedGzip, this::forbiddenBytes, this::gzipBitFlip, this::wrongType,
      this::missingField, this::outOfRange, this::oversized, this::deeplyNested, this::badIdentifier,
      this::invalidUtf8, this::gzipGarbage, this::notAReport, this::convertibleType, this::textAfterTheReport);

  HostileReports(long seed, Report validReport) {
    this.random = new Random(seed);
    this.valid = ReportJsonWriter.toJson(validReport);
  }

  /** The next hostile body, of a randomly chosen kind. */
  Attempt next() {
    return mutations.get(random.nextInt(mutations.size())).apply(random);
  }

  /** Bodies too large to make often: 100,000 keys, a gzip bomb, a body past any limit. */
  List<Attempt> giants(long maxReportBytes) {
    ObjectNode manyReads = tree();
    ArrayNode reads = manyReads.putArray("reads");
    for (int i = 0; i < 100_000; i++) {
      reads.addObject().put("source", "env").put("key", "K" + i).put("present", false);
    }
    ObjectNode manyAvailable = tree();
    ArrayNode available = manyAvailable.putArray("available");
    for (int i = 0; i < 100_000; i++) {
      available.addObject().put("source", "sysprop").put("key", "k." + i);
    }
    return List.of(
        new Attempt("100,000 reads", bytes(manyReads), false),
        new Attempt("100,000 reads, gzip", Http.gzip(bytes(manyReads)), true),
        new Attempt("100,000 available", bytes(manyAvailable), false),
        new Attempt("gzip bomb", Http.gzip(new byte[(int) maxReportBytes * 4]), true),
        new Attempt("body past the limit", withService("x".repeat((int) maxReportBytes + 10)), false));
  }

  private Attempt truncated(Random r) {
    return new Attempt("truncated", Arrays.copyOf(valid, r.nextInt(valid.length)), false);
  }

  private Attempt truncatedGzip(Random r) {
    byte[] zipped = Http.gzip(valid);
    return new Attempt("truncated gzip", Arrays.copyOf(zipped, r.nextInt(zipped.length)), true);
  }

  private Attempt forbiddenBytes(Random r) {
    byte[] body = valid.clone();
    int count = 1 + r.nextInt(5);
    for (int i = 0; i < count; i++) {
      body[r.nextInt(body.length)] = FORBIDDEN_BYTES[r.nextInt(FORBIDDEN_BYTES.length)];
    }
    return new Attempt("forbidden bytes", body, false);
  }

  /** A flipped bit past the gzip header (which no checksum covers) breaks the stream or its CRC. */
  private Attempt gzipBitFlip(Random r) {
    byte[] original = Http.gzip(valid);
    byte[] zipped;
    do {
      zipped = original.clone();
      int at = 10 + r.nextInt(zipped.length - 10);
      zipped[at] ^= (byte) (1 << r.nextInt(8));
      // A flip in the unused bits after deflate's last block changes nothing: that body is still valid.
    } while (unzipsTo(zipped, valid));
    return new Attempt("gzip bit flip", zipped, true);
  }

  private static boolean unzipsTo(byte[] zipped, byte[] expected) {
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
      return java.util.Arrays.equals(in.readAllBytes(), expected);
    } catch (java.io.IOException broken) {
      return false;
    }
  }

  /** A field given a value of a shape Jackson cannot turn into its type. */
  private Attempt wrongType(Random r) {
    ObjectNode report = tree();
    String[] topLevel = {"schemaVersion", "service", "environment", "region", "instance", "serviceVersion",
        "agentVersion", "startedAt", "generatedAt", "sequence", "fingerprint", "reads", "available", "dropped"};
    String[] readFields = {"source", "key", "present", "fingerprint", "value", "defaultUsed", "count",
        "firstReadAt", "lastReadAt", "callers", "valueChanged"};
    boolean inRead = r.nextBoolean();
    ObjectNode target = inRead ? (ObjectNode) report.get("reads").get(r.nextInt(report.get("reads").size())) : report;
    String field = inRead ? readFields[r.nextInt(readFields.length)] : topLevel[r.nextInt(topLevel.length)];
    JsonNode current = target.get(field);
    target.set(field, incompatibleWith(current == null ? NODES.textNode("") : current, r));
    return new Attempt("wrong type: " + (inRead ? "reads[]." : "") + field, bytes(report), false);
  }

  private static JsonNode incompatibleWith(JsonNode current, Random r) {
    ObjectNode object = NODES.objectNode().put("nested", HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size())));
    ArrayNode array = NODES.arrayNode().add(1).add("two");
    if (current.isArray()) {
      return r.nextBoolean() ? object : NODES.numberNode(42);
    }
    if (current.isObject()) {
      return r.nextBoolean() ? array : NODES.numberNode(7);
    }
    if (current.isNumber() || current.isBoolean()) {
      JsonNode[] choices = {object, array, NODES.textNode("not a number " + HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size())))};
      return choices[r.nextInt(choices.length)];
    }
    return r.nextBoolean() ? object : array;
  }

  /** A field of another type that Jackson's defaults would quietly convert: "5" for 5, 123 for "123", 1 for true. */
  private Attempt convertibleType(Random r) {
    ObjectNode report = tree();
    ObjectNode read = (ObjectNode) report.get("reads").get(0);
    switch (r.nextInt(8)) {
      case 0: report.put("sequence", report.get("sequence").asText()); break;
      case 1: report.put("service", r.nextInt(1_000)); break;
      case 2: report.put("environment", r.nextBoolean()); break;
      case 3: report.put("sequence", report.get("sequence").asLong() + 0.5); break;
      case 4: report.put("dropped", "0"); break;
      case 5: read.put("present", 1); break;
      case 6: read.put("count", String.valueOf(r.nextInt(100))); break;
      default: read.put("valueChanged", "false"); break;
    }
    return new Attempt("convertible wrong type", bytes(report), false);
  }

  /** A valid report with more after it: another document, a stray token, hostile text. */
  private Attempt textAfterTheReport(Random r) {
    String[] tails = {"{}", "]", ",", " x", new String(valid, StandardCharsets.UTF_8), HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()))};
    byte[] body = (new String(valid, StandardCharsets.UTF_8) + tails[r.nextInt(tails.length)]).getBytes(StandardCharsets.UTF_8);
    boolean gzip = r.nextBoolean();
    return new Attempt("text after the report", gzip ? Http.gzip(body) : body, gzip);
  }

  private Attempt missingField(Random r) {
    ObjectNode report = tree();
    String[] required = {"service", "environment", "instance", "generatedAt", "sequence"};
    if (r.nextBoolean()) {
      String field = required[r.nextInt(required.length)];
      report.remove(field);
      return new Attempt("missing " + field, bytes(report), false);
    }
    String[] readRequired = {"source", "key", "fingerprint"};
    String field = readRequired[r.nextInt(readRequired.length)];
    ((ObjectNode) report.get("reads").get(0)).remove(field);
    return new Attempt("missing reads[0]." + field, bytes(report), false);
  }

  private Attempt outOfRange(Random r) {
    ObjectNode report = tree();
    ObjectNode read = (ObjectNode) report.get("reads").get(0);
    switch (r.nextInt(12)) {
      case 0: report.put("sequence", -r.nextInt(1_000)); break;
      case 1: report.put("schemaVersion", 2 + r.nextInt(100)); break;
      case 2: report.put("dropped", -1 - r.nextInt(1_000)); break;
      case 3: read.put("count", -1 - r.nextInt(1_000)); break;
      case 4: read.put("fingerprint", HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()))); break;
      case 5: ((ObjectNode) report.get("fingerprint")).put("algorithm", "md5"); break;
      case 6: report.put("generatedAt", "yesterday " + HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()))); break;
      case 7: read.put("source", "file"); break;
      case 8: read.put("present", false).put("value", "secret").remove("fingerprint"); break;
      case 9: ((ArrayNode) report.get("reads")).add(read.deepCopy()); break;
      case 10: read.put("key", " "); break;
      default: read.put("key", HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size())) + "\u0007"); break;
    }
    return new Attempt("out of range", bytes(report), false);
  }

  /** One text field past its limit, carrying hostile text. */
  private Attempt oversized(Random r) {
    ObjectNode report = tree();
    ObjectNode read = (ObjectNode) report.get("reads").get(0);
    String hostile = HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()));
    switch (r.nextInt(6)) {
      case 0: report.put("service", hostile + "s".repeat(201 + r.nextInt(50_000))); break;
      case 1: report.put("instance", hostile + "i".repeat(201 + r.nextInt(1_000))); break;
      case 2: read.put("key", hostile + "K".repeat(1_025 + r.nextInt(100_000))); break;
      case 3: read.put("value", hostile + "v".repeat(4_097 + r.nextInt(100_000))); break;
      case 4: ((ArrayNode) read.get("callers")).add(hostile + "c".repeat(1_025 + r.nextInt(10_000))); break;
      default:
        ArrayNode callers = read.putArray("callers");
        for (int i = 0; i < 17 + r.nextInt(100); i++) {
          callers.add("com.acme.C" + i + ".m(C.java:1)");
        }
    }
    return new Attempt("oversized", bytes(report), false);
  }

  private Attempt deeplyNested(Random r) {
    int depth = 33 + r.nextInt(r.nextBoolean() ? 100 : 100_000);
    String open = r.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    String nested = open.repeat(depth) + "1" + close.repeat(depth);
    String where = r.nextBoolean() ? "reads" : "unknownField";
    String body = new String(valid, StandardCharsets.UTF_8).replaceFirst("^\\{", "{\"" + where + "\":" + nested.replace("$", "\\$") + ",");
    return new Attempt("nested " + depth + " deep", body.getBytes(StandardCharsets.UTF_8), false);
  }

  private Attempt badIdentifier(Random r) {
    ObjectNode report = tree();
    String[] fields = {"service", "environment", "region", "instance"};
    String field = fields[r.nextInt(fields.length)];
    String traversal = TRAVERSALS.get(r.nextInt(TRAVERSALS.size()));
    boolean exactDots = traversal.equals(".") || traversal.equals("..");
    report.put(field, exactDots || r.nextBoolean() ? traversal : HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size())) + traversal);
    return new Attempt("path traversal in " + field, bytes(report), false);
  }

  private Attempt invalidUtf8(Random r) {
    ObjectNode report = tree();
    report.put("service", "utf8-marker");
    byte[] body = bytes(report);
    int at = indexOf(body, "utf8-marker".getBytes(StandardCharsets.US_ASCII)) + 1 + r.nextInt(9);
    byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body, 0, at);
    out.write(bad, 0, bad.length);
    out.write(body, at, body.length - at);
    boolean gzip = r.nextInt(4) == 0;
    return new Attempt("invalid UTF-8", gzip ? Http.gzip(out.toByteArray()) : out.toByteArray(), gzip);
  }

  private Attempt gzipGarbage(Random r) {
    byte[] noise = new byte[1 + r.nextInt(2_000)];
    r.nextBytes(noise);
    switch (r.nextInt(5)) {
      case 0: return new Attempt("random bytes as gzip", noise, true);
      case 1:
        noise[0] = 0x1f;
        if (noise.length > 2) {
          noise[1] = (byte) 0x8b;
          noise[2] = 8;
        }
        return new Attempt("gzip magic, then noise", noise, true);
      case 2: return new Attempt("plain JSON sent as gzip", valid, true);
      case 3: return new Attempt("gzip of text", Http.gzip(HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size())).getBytes(StandardCharsets.UTF_8)), true);
      default: return new Attempt("gzip twice", Http.gzip(Http.gzip(valid)), true);
    }
  }

  private Attempt notAReport(Random r) {
    String[] bodies = {"", " ", "\n\n", "null", "[]", "true", "123", "\"report\"", "{}", "[" + new String(valid, StandardCharsets.UTF_8) + "]",
        "{\"schemaVersion\":1}", HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()))};
    return new Attempt("not a report", bodies[r.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8), false);
  }

  private ObjectNode tree() {
    try {
      return (ObjectNode) JSON.readTree(valid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] withService(String service) {
    ObjectNode report = tree();
    report.put("service", service);
    return bytes(report);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("marker not found");
  }
}
