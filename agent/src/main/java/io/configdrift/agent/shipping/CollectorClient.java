package io.configdrift.agent.shipping;

import io.configdrift.agent.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs reports, gzip-compressed, to {@code <collector>/v1/reports}. Runs on the agent's reporter
 * thread only, with short timeouts; a failed delivery is retried with back-off and the newest report
 * (the loop assembles a fresh one for every attempt). A failure is reported once per outage.
 */
final class CollectorClient implements ReportSink {
  private static final String TOPIC = "collector";
  private static final MediaType JSON = MediaType.get("application/json");
  /** Leaves room inside the 2 s exit budget for assembling and writing the report. */
  private static final Duration FINAL_CALL_TIMEOUT = Duration.ofMillis(1_500);

  private final String endpoint;
  private final String token;
  private final OkHttpClient client;
  private final OkHttpClient finalClient;
  private final Backoff backoff;
  private volatile long retryAt = Long.MAX_VALUE;

  CollectorClient(String collectorUrl, String token, long intervalMillis) {
    this.endpoint = collectorUrl.replaceAll("/+$", "") + "/v1/reports";
    this.token = token;
    this.client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(2))
        .writeTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .retryOnConnectionFailure(false)
        .build();
    // The call timeout does not cut a connection attempt short, so the exit report's connect
    // timeout must fit in the exit budget too (a collector too busy to accept held exit 2 s).
    this.finalClient = client.newBuilder().callTimeout(FINAL_CALL_TIMEOUT).connectTimeout(FINAL_CALL_TIMEOUT).build();
    this.backoff = new Backoff(intervalMillis);
  }

  @Override
  public void deliver(byte[] json, boolean finalReport) {
    String failure;
    try (Response response = (finalReport ? finalClient : client).newCall(request(json)).execute()) {
      if (response.isSuccessful()) {
        recovered();
        return;
      }
      failure = "it answered HTTP " + response.code() + explain(response.code());
    } catch (IOException | RuntimeException e) {
      failure = ReportFileWriter.describe(e);
    }
    long delay = backoff.nextDelayMillis();
    retryAt = System.currentTimeMillis() + delay;
    AgentLog.warnOnce(TOPIC, "cannot deliver reports to " + endpoint + ": " + failure
        + "; the application keeps running, the agent retries with back-off");
  }

  @Override
  public long retryAtMillis() {
    return retryAt;
  }

  private void recovered() {
    backoff.reset();
    retryAt = Long.MAX_VALUE;
    if (AgentLog.clear(TOPIC)) {
      AgentLog.warn("reports reach " + endpoint + " again");
    }
  }

  private Request request(byte[] json) throws IOException {
    Request.Builder request = new Request.Builder()
        .url(endpoint)
        .header("Content-Encoding", "gzip")
        .post(RequestBody.create(gzip(json), JSON));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private static String explain(int status) {
    switch (status) {
      case 401: return " (the collector wants a token: set CONFIGDRIFT_TOKEN)";
      case 403: return " (the token was refused)";
      case 413: return " (the report is larger than the collector accepts)";
      default: return "";
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }
}
