package io.configdrift.collector.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With both tokens set, every endpoint of the API refuses a request without a token (401) or with a
 * wrong one (403); the ingest token cannot read and the read token cannot ingest; malformed
 * Authorization headers, HEAD requests and other spellings of the paths get nothing either.
 */
class TokensGuardEveryEndpointIT {
  private static final String INGEST = "ingest-token-5b1f";
  private static final String READ = "read-token-9c2e";
  private static final String SERVICE = "guarded";

  @TempDir static Path temp;
  private static CollectorProcess collector;

  @BeforeAll
  static void startWithBothTokens() throws Exception {
    collector = CollectorProcess.start(temp, "jdbc:sqlite:" + temp.resolve("tokens.db"),
        "--ingest-token", INGEST, "--read-token", READ, "--agent-interval", "3600");
    for (String environment : List.of("staging", "production")) {
      assertThat(new SyntheticAgent(SERVICE, environment, environment + "-1", 5).sendNext(collector.baseUrl(), INGEST))
          .isEqualTo(202);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    collector.close();
  }

  /** Every GET endpoint of the API, with parameters that make it answer 200 to the read token. */
  static Stream<String> readEndpoints() {
    String base = "/v1/services/" + SERVICE;
    return Stream.of("/v1/services", base + "/scopes", base + "/matrix", base + "/history?source=env&key=DB_TIMEOUT",
        base + "/findings", "/v1/drift?service=" + SERVICE + "&a=staging&b=production");
  }

  @ParameterizedTest(name = "GET {0}")
  @MethodSource("readEndpoints")
  void readingNeedsTheReadToken(String endpoint) throws Exception {
    String url = collector.baseUrl() + endpoint;
    assertRefused(Http.get(url, null), 401);
    assertRefused(Http.get(url, "wrong"), 403);
    assertRefused(Http.get(url, INGEST), 403);
    assertRefused(Http.get(url, READ + "x"), 403);
    assertRefused(Http.get(url, READ.substring(0, 8)), 403);
    assertRefused(send(url, "GET", "Basic " + READ), 401);
    assertRefused(send(url, "GET", "Bearer "), 401);
    assertRefused(send(url, "GET", READ), 401);
    assertHeadRevealsNothing(endpoint);
    assertThat(Http.get(url, READ).status()).as("the read token is let in").isEqualTo(200);
  }

  @Test
  void ingestingNeedsTheIngestToken() throws Exception {
    SyntheticAgent intruder = new SyntheticAgent("intruder", "production", "i-1", 5);
    assertThat(intruder.sendNext(collector.baseUrl(), null)).isEqualTo(401);
    assertThat(intruder.sendNext(collector.baseUrl(), "wrong")).isEqualTo(403);
    assertThat(intruder.sendNext(collector.baseUrl(), READ)).as("the read token cannot ingest").isEqualTo(403);
    assertThat(Http.get(collector.baseUrl() + "/v1/services", READ).json().findValuesAsText("service"))
        .as("refused reports store nothing").contains(SERVICE).doesNotContain("intruder");
    assertThat(intruder.sendNext(collector.baseUrl(), INGEST + " ")).as("surrounding blanks are no other token")
        .isEqualTo(202);
    assertThat(Http.get(collector.baseUrl() + "/v1/services", READ).json().findValuesAsText("service"))
        .containsExactlyInAnyOrder(SERVICE, "intruder");
    assertThat(collector.log()).doesNotContain(INGEST, READ);
  }

  @Test
  void otherSpellingsOfThePathsLetNobodyIn() throws Exception {
    for (String path : List.of("/v1/services/", "//v1/services", "/v1//services", "/V1/services", "/v1/services/" + SERVICE + "/matrix/",
        "/v1/./services", "/v1/services/%2e%2e/services", "/v1/services/" + SERVICE + "%2Fmatrix", "/v1/drift/?service=" + SERVICE + "&a=staging&b=production")) {
      HttpResponse<String> answer = send(collector.baseUrl() + path, "GET", null);
      assertThat(answer.statusCode()).as("GET %s without a token", path).isGreaterThanOrEqualTo(400);
      assertThat(answer.body()).as("GET %s without a token", path).doesNotContain("DB_TIMEOUT", "staging-1");
    }
  }

  /**
   * Javalin answers HEAD on a GET route itself, 200 without a body and without running the route's
   * handler: it must say nothing, not even whether a service exists.
   */
  private static void assertHeadRevealsNothing(String endpoint) throws Exception {
    HttpResponse<String> known = send(collector.baseUrl() + endpoint, "HEAD", null);
    HttpResponse<String> unknown = send(collector.baseUrl() + endpoint.replace(SERVICE, "no-such-service"), "HEAD", null);
    assertThat(known.body()).as("HEAD %s without a token", endpoint).isEmpty();
    assertThat(known.headers().firstValue("Content-Length")).hasValue("0");
    assertThat(unknown.statusCode()).as("HEAD tells a known service from an unknown one").isEqualTo(known.statusCode());
  }

  private static void assertRefused(Http.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().path("error").asText()).isNotBlank();
    assertThat(answer.body()).doesNotContain("DB_TIMEOUT", "staging-1");
  }

  private static void assertRefused(HttpResponse<String> answer, int status) {
    assertRefused(new Http.Answer(answer.statusCode(), answer.body()), status);
  }

  private static HttpResponse<String> send(String url, String method, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
