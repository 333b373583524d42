package io.configdrift.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import io.configdrift.protocol.ReportJsonWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of a real collector process: tokens, and clean refusals of bad input. */
class CollectorApiIT {
  private static final String INGEST = "ingest-secret-1";
  private static final String READ = "read-secret-2";
  private static final int MAX_BYTES = 100_000;

  @TempDir static Path temp;
  private static CollectorProcess collector;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    collector = CollectorProcess.start(temp, "jdbc:sqlite:" + temp.resolve("api.db"),
        "--ingest-token", INGEST, "--read-token", READ, "--max-report-bytes", String.valueOf(MAX_BYTES));
    url = collector.baseUrl();
    assertThat(post(json(report("checkout", "prod-1")), INGEST).status()).isEqualTo(202);
  }

  @AfterAll
  static void stop() throws Exception {
    collector.close();
  }

  @Test
  void ingestNeedsTheIngestTokenAndReadingTheReadToken() throws Exception {
    byte[] body = json(report("checkout", "prod-2"));
    assertThat(post(body, null).status()).isEqualTo(401);
    assertThat(post(body, "wrong").status()).isEqualTo(403);
    assertThat(post(body, READ).status()).as("a read token cannot ingest").isEqualTo(403);
    assertThat(Http.get(url + "/v1/services", null).status()).isEqualTo(401);
    assertThat(Http.get(url + "/v1/services", INGEST).status()).as("an ingest token cannot read").isEqualTo(403);
    assertThat(Http.get(url + "/v1/services", READ).status()).isEqualTo(200);
    assertThat(Http.get(url + "/v1/drift?service=checkout&a=staging&b=production", "wrong").status()).isEqualTo(403);
    assertThat(Http.get(url + "/healthz", null).status()).isEqualTo(200);
  }

  @Test
  void everyAnswerForbidsSniffingAndFraming() throws Exception {
    for (String path : List.of("/", "/app.js", "/v1/services", "/v2/nothing")) {
      java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + path)).header("Authorization", "Bearer " + READ).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
          csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'"));
    }
  }

  @Test
  void badReportsGetA4xxNamingTheProblemAndChangeNothing() throws Exception {
    String before = state();
    assertRefused(400, "".getBytes(), false, "empty");
    assertRefused(400, "{\"schemaVersion\":1,\"service\":".getBytes(), false, "not valid JSON");
    assertRefused(400, "[1,2,3]".getBytes(), false, "wrong type");
    assertRefused(400, "{\"schemaVersion\":1,\"reads\":{\"a\":1}}".getBytes(), false, "reads");
    assertRefused(400, "{\"schemaVersion\":2}".getBytes(), false, "schemaVersion");
    assertRefused(400, "not gzip at all".getBytes(), true, "gzip");
    assertRefused(400, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]".getBytes(), false, "");

    Report traversal = report("../../etc/passwd", "i");
    assertRefused(400, json(traversal), false, "service");
    Report badFingerprint = report("checkout", "prod-9");
    badFingerprint.reads.get(0).fingerprint = "'; DROP TABLE instance; --";
    assertRefused(400, json(badFingerprint), false, "reads[0].fingerprint");
    Report nul = report("checkout", "prod-9");
    nul.reads.get(0).key = "A\u0000B";
    assertRefused(400, json(nul), false, "reads[0].key");

    assertRefused(413, new byte[MAX_BYTES + 10], false, "larger than");
    assertRefused(413, Http.gzip(new byte[MAX_BYTES * 20]), true, "larger than");

    assertThat(state()).as("stored data after the bad input equals the data before").isEqualTo(before);
  }

  @Test
  void unknownThingsAre404AndMissingParametersAre400() throws Exception {
    Http.Answer unknown = Http.get(url + "/v1/services/no-such-service/matrix", READ);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asText()).contains("no-such-service");
    Http.Answer missing = Http.get(url + "/v1/drift?service=checkout&a=staging", READ);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("field").asText()).isEqualTo("b");
    assertThat(Http.get(url + "/v2/nothing", READ).status()).isEqualTo(404);
  }

  @Test
  void hostileNamesAreStoredAndAnsweredAsPlainJsonText() throws Exception {
    // Identifiers may not hold '/' (they are path segments of the API), anything else they may.
    Report hostile = report("<b onmouseover=alert(1)>x", "x'; DROP TABLE instance; --");
    hostile.reads.get(0).key = "<img src=x onerror=alert(1)>";
    assertThat(post(json(hostile), INGEST).status()).isEqualTo(202);
    Http.Answer services = Http.get(url + "/v1/services", READ);
    assertThat(services.json().findValuesAsText("service")).contains("<b onmouseover=alert(1)>x");
    Http.Answer matrix = Http.get(url + "/v1/services/%3Cb%20onmouseover=alert(1)%3Ex/matrix", READ);
    assertThat(matrix.status()).isEqualTo(200);
    assertThat(matrix.json().path("rows").get(0).path("key").asText()).isEqualTo("<img src=x onerror=alert(1)>");
  }

  private static void assertRefused(int status, byte[] body, boolean gzip, String mentions) throws Exception {
    Http.Answer answer = Http.post(url + "/v1/reports", body, INGEST, gzip);
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().path("error").asText()).as(answer.body()).isNotBlank();
    assertThat(answer.body()).containsIgnoringCase(mentions);
  }

  private static String state() throws Exception {
    return Http.get(url + "/v1/services/checkout/matrix", READ).body()
        + Http.get(url + "/v1/services/checkout/history?source=env&key=DB_TIMEOUT", READ).body();
  }

  private static Http.Answer post(byte[] body, String token) throws Exception {
    return Http.post(url + "/v1/reports", body, token, false);
  }

  private static Report report(String service, String instance) {
    Report report = new Report();
    report.service = service;
    report.environment = "production";
    report.region = "eu-west-1";
    report.instance = instance;
    report.generatedAt = Instant.now().toString();
    report.startedAt = Instant.now().toString();
    report.sequence = 1;
    ReadRecord read = new ReadRecord();
    read.source = "env";
    read.key = "DB_TIMEOUT";
    read.present = true;
    read.fingerprint = Fingerprinter.unkeyed().fingerprint("60s");
    read.value = "60s";
    read.count = 1;
    report.reads.add(read);
    return report;
  }

  private static byte[] json(Report report) {
    return ReportJsonWriter.toJson(report);
  }
}
