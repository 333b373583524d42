package io.configdrift.collector.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.Matrix;
import io.configdrift.collector.query.DriftAnswer;
import io.configdrift.collector.query.ServiceOverview;
import io.configdrift.collector.storage.TimelineEntry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads the collector's HTTP API ({@code /v1/...}) for the CLI. Every failure becomes one
 * {@link CliException} line: unreachable, refused token, unknown service, or the collector's own
 * error message.
 */
final class CollectorClient implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The matrix of a big service takes the collector a moment; a stuck one should still end the CI job. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final HttpUrl base;
  /** The URL as the user gave it, for messages. */
  private final String shownUrl;
  private final String token;
  private final OkHttpClient http;

  CollectorClient(String baseUrl, String token) {
    HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl.trim());
    if (parsed == null) {
      throw new CliException("--collector must be an http:// or https:// URL, such as http://collector:7070 (got '"
          + baseUrl + "')");
    }
    this.base = parsed;
    this.shownUrl = baseUrl.trim().replaceAll("/+$", "");
    this.token = token == null || token.isBlank() ? null : token.trim();
    this.http = new OkHttpClient.Builder()
        .connectTimeout(CONNECT_TIMEOUT)
        .callTimeout(CALL_TIMEOUT)
        .build();
  }

  List<ServiceOverview> services() {
    return get(url(b -> b.addPathSegments("v1/services")), new TypeReference<List<ServiceOverview>>() {});
  }

  Matrix matrix(String service) {
    return get(url(b -> b.addPathSegments("v1/services").addPathSegment(service).addPathSegment("matrix")),
        new TypeReference<Matrix>() {});
  }

  List<TimelineEntry> history(String service, String source, String key) {
    return get(url(b -> b.addPathSegments("v1/services").addPathSegment(service).addPathSegment("history")
        .addQueryParameter("source", source).addQueryParameter("key", key)),
        new TypeReference<List<TimelineEntry>>() {});
  }

  /** Every finding among the service's live scopes, after the collector's own policy. */
  List<Finding> findings(String service) {
    return get(url(b -> b.addPathSegments("v1/services").addPathSegment(service).addPathSegment("findings")),
        new TypeReference<List<Finding>>() {});
  }

  DriftAnswer drift(String service, String scopeA, String scopeB) {
    return get(url(b -> b.addPathSegments("v1/drift").addQueryParameter("service", service)
        .addQueryParameter("a", scopeA).addQueryParameter("b", scopeB)),
        new TypeReference<DriftAnswer>() {});
  }

  private HttpUrl url(Consumer<HttpUrl.Builder> path) {
    HttpUrl.Builder builder = base.newBuilder();
    path.accept(builder);
    return builder.build();
  }

  private <T> T get(HttpUrl url, TypeReference<T> type) {
    Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new CliException(refusal(response.code(), body));
      }
      return CliJson.MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new CliException("the collector at " + shownUrl + " answered something that is not its API's JSON: is "
          + shownUrl + " a configdrift collector?", e);
    } catch (ConnectException e) {
      throw new CliException("cannot reach the collector at " + shownUrl + " (connection refused): is it running?", e);
    } catch (UnknownHostException e) {
      throw new CliException("cannot reach the collector at " + shownUrl + ": unknown host " + url.host(), e);
    } catch (InterruptedIOException e) {
      throw new CliException("the collector at " + shownUrl + " did not answer within "
          + CALL_TIMEOUT.toSeconds() + " s", e);
    } catch (IOException e) {
      throw new CliException("cannot read from the collector at " + shownUrl + ": " + e.getMessage(), e);
    }
  }

  /** The collector's own error sentence where it sent one (it always does for 4xx), else the status. */
  private String refusal(int status, String body) {
    String error = errorMessage(body);
    if (status == 401) {
      return "the collector at " + shownUrl + " needs a read token: pass --token or set CONFIGDRIFT_READ_TOKEN";
    }
    if (status == 403) {
      return "the collector at " + shownUrl + " refused the read token: " + (error == null ? "HTTP 403" : error);
    }
    if (error != null) {
      return "the collector at " + shownUrl + " says: " + error;
    }
    return "the collector at " + shownUrl + " answered HTTP " + status;
  }

  private static String errorMessage(String body) {
    try {
      JsonNode error = CliJson.MAPPER.readTree(body).get("error");
      return error != null && error.isTextual() ? error.asText() : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  @Override
  public void close() {
    // The CLI runs inside tests and other tools too: leave no idle connections or threads behind.
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
