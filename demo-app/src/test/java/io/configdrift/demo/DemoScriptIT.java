package io.configdrift.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** README's main command: {@code ./demo.sh --once} shows the planted drift and stops everything it started. */
class DemoScriptIT {
  @Test
  void theDemoShowsThePlantedDriftAndCleansUp() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    int port = freePort();
    Path output = Files.createTempFile("demo", ".txt");
    ProcessBuilder demo = new ProcessBuilder("bash", root.resolve("demo.sh").toString(), "--once")
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
    demo.environment().put("CONFIGDRIFT_DEMO_PORT", String.valueOf(port));
    Process process = demo.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("demo.sh --once finishes").isTrue();
    String printed = Files.readString(output);
    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed).contains("== drift between staging and production", "== drift between the two production regions",
        "http://127.0.0.1:" + port + "/");
    // Table rows: kind, key, then the two scopes' values (staging first, then production).
    assertThat(printed).containsPattern("different\\s+DB_TIMEOUT\\s+10s\\s+60s")
        .containsPattern("missing\\s+INVENTORY_SERVICE_URL\\s+http://inventory.staging.svc:8080\\s+\\(not set\\)")
        .containsPattern("defaulted\\s+ENABLE_NEW_CHECKOUT")
        .containsPattern("unused\\s+ENABLE_ONE_CLICK_BUY")
        .containsPattern("rule\\s+LOG_LEVEL\\s+DEBUG")
        .containsPattern("different\\s+DATABASE_POOL_SIZE\\s+20\\s+10")
        .containsPattern("inconsistent\\s+DATABASE_POOL_SIZE\\s+10 \\(1\\) vs 15 \\(1\\)");
    for (int offset = 0; offset <= 5; offset++) {
      assertThat(isFree(port + offset)).as("port %d is released", port + offset).isTrue();
    }
  }

  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = 20_000 + (int) (Math.random() * 20_000);
      boolean allFree = true;
      for (int offset = 0; offset <= 5 && allFree; offset++) {
        allFree = isFree(candidate + offset);
      }
      if (allFree) {
        return candidate;
      }
    }
    throw new IOException("no six free ports in a row");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
