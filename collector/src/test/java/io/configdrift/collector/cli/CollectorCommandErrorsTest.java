package io.configdrift.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What the collector commands say when the collector cannot be asked: one line, exit code 2. */
class CollectorCommandErrorsTest {
  /** A loopback port nothing listens on: bound once, then released. */
  private static String closedCollector() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void anUnreachableCollectorIsOneLine() throws IOException {
    String url = closedCollector();

    for (String[] command : new String[][] {
        {"services", "--collector", url},
        {"matrix", "--collector", url, "--service", "checkout"},
        {"history", "DB_TIMEOUT", "--collector", url, "--service", "checkout"},
        {"diff", "--collector", url, "--service", "checkout", "--between", "staging", "production"},
        {"baseline", "--collector", url, "--service", "checkout"}}) {
      CliRun run = CliRun.of(command);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("configdrift: cannot reach the collector at " + url
          + " (connection refused): is it running?\n");
    }
  }

  @Test
  void aCollectorUrlWithoutSchemeIsOneLine() {
    CliRun run = CliRun.of("services", "--collector", "collector:7070");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: --collector must be an http:// or https:// URL, such as "
        + "http://collector:7070 (got 'collector:7070')\n");
  }

  @Test
  void commandsThatAskTheCollectorNeedIt() {
    CliRun run = CliRun.of("history", "DB_TIMEOUT", "--service", "checkout");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: Missing required option: '--collector=URL' "
        + "(see 'configdrift history --help')\n");
  }

  @Test
  void aMissingRequiredOptionIsOneLine() {
    CliRun run = CliRun.of("matrix", "--collector", "http://127.0.0.1:7070");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: Missing required option: '--service=SERVICE' "
        + "(see 'configdrift matrix --help')\n");
  }

  @Test
  void diffWithTheCollectorNeedsServiceAndScopes() {
    CliRun run = CliRun.of("diff", "--collector", "http://127.0.0.1:7070", "--service", "checkout");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: with --collector, give --service S and --between A B "
        + "(see 'configdrift diff --help')\n");
  }

  @Test
  void verifyWithTheCollectorNeedsAScope() {
    CliRun run = CliRun.of("verify", "--expected", "x.env", "--collector", "http://127.0.0.1:7070",
        "--service", "checkout");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("configdrift: with --collector, give --service S and --scope SCOPE "
        + "(see 'configdrift verify --help')\n");
  }
}
