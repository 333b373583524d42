package io.configdrift.collector.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.query.DriftQueries;
import io.configdrift.collector.storage.Storage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a Slack-compatible message ({@code {"text": ...}}) to a webhook when a new finding appears,
 * once per finding: storage remembers what was alerted, also across several collectors. Runs off
 * the ingest path on one background thread, so a slow webhook never slows agents down.
 */
public final class WebhookAlerts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerts.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final String webhookUrl;
  private final DriftQueries queries;
  private final Storage storage;
  private final Clock clock;
  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "configdrift-webhook");
    thread.setDaemon(true);
    return thread;
  });

  public WebhookAlerts(String webhookUrl, DriftQueries queries, Storage storage, Clock clock) {
    this.webhookUrl = webhookUrl;
    this.queries = queries;
    this.storage = storage;
    this.clock = clock;
  }

  /** Checks the service for new findings, later, on the alert thread. */
  public void serviceChanged(String service) {
    worker.execute(() -> alertNewFindings(service));
  }

  private void alertNewFindings(String service) {
    try {
      for (Finding finding : queries.allFindings(service).findings()) {
        if (storage.markAlerted(finding.identity(service), clock.instant())) {
          post(service, finding);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not check {} for new findings to alert: {}", service, e.toString());
    }
  }

  private void post(String service, Finding finding) {
    String text = "configdrift: " + service + ": " + finding.kind().wireName() + " " + finding.source() + ":"
        + finding.key() + ": " + finding.message();
    try {
      byte[] body = json.writeValueAsBytes(Map.of("text", text));
      Request request = new Request.Builder().url(webhookUrl).post(RequestBody.create(body, JSON)).build();
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          LOG.warn("the webhook answered HTTP {} to an alert", response.code());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not post an alert to the webhook: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
