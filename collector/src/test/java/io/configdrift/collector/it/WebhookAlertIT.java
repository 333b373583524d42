package io.configdrift.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.configdrift.collector.testsupport.AgentRun;
import io.configdrift.collector.testsupport.CollectorProcess;
import io.configdrift.collector.testsupport.Http;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --webhook}: a Slack-style message per new finding, and only once per finding. */
class WebhookAlertIT {
  @TempDir Path temp;

  @Test
  void postsEachNewFindingOnce() throws Exception {
    List<String> messages = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      messages.add(new ObjectMapper().readTree(exchange.getRequestBody()).path("text").asText());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    try (CollectorProcess collector = CollectorProcess.start(temp, "jdbc:sqlite:" + temp.resolve("c.db"),
        "--webhook", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")) {
      String url = collector.baseUrl();
      AgentRun.of("checkout", "staging", "us-east-1", "s-1").env("DB_TIMEOUT", "10s").reportTo(url, null);
      AgentRun.of("checkout", "production", "us-east-1", "p-1").env("DB_TIMEOUT", "60s").reportTo(url, null);
      Http.awaitJson(url + "/v1/services", null, services -> services.size() == 1);
      awaitMessage(messages, "different env:DB_TIMEOUT");
      int afterFirstRound = awaitQuiet(messages);

      // The same instances report the same configuration again: nothing is new.
      AgentRun.of("checkout", "production", "us-east-1", "p-1").env("DB_TIMEOUT", "60s").reportTo(url, null);
      Thread.sleep(2_000);
      assertThat(messages).hasSize(afterFirstRound);
      assertThat(messages).filteredOn(m -> m.contains("different env:DB_TIMEOUT")).hasSize(1)
          .allSatisfy(m -> assertThat(m).startsWith("configdrift: checkout: ").contains("10s", "60s"));
    } finally {
      receiver.stop(0);
    }
  }

  /** Waits until no message has come for 2 s (the first round's alerts are all sent); returns how many came. */
  private static int awaitQuiet(List<String> messages) throws InterruptedException {
    int seen = -1;
    while (seen != messages.size()) {
      seen = messages.size();
      Thread.sleep(2_000);
    }
    return seen;
  }

  private static void awaitMessage(List<String> messages, String text) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (messages.stream().noneMatch(m -> m.contains(text))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no webhook message about " + text + "; got " + messages);
      }
      Thread.sleep(100);
    }
  }
}
