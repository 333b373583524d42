package io.configdrift.collector.trust;

import io.configdrift.collector.testsupport.CollectorProcess;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A collector process on a port chosen by the test, so that it can be killed and started again
 * where its agents expect it. ({@link CollectorProcess} always asks for a free port, which a restart
 * cannot keep.) Its output goes to {@code collector-<port>.log} in the work folder.
 */
final class CollectorOnFixedPort implements AutoCloseable {
  private final Process process;
  private final int port;

  private CollectorOnFixedPort(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** A loopback port free right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Starts {@code configdrift serve --port <port> --db <jdbcUrl>} and waits until /healthz answers. */
  static CollectorOnFixedPort start(Path workDir, int port, String jdbcUrl) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        CollectorProcess.jar().toString(), "serve", "--port", String.valueOf(port), "--db", jdbcUrl, "--agent-interval", "3600");
    Path log = workDir.resolve("collector-" + port + ".log");
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    CollectorOnFixedPort collector = new CollectorOnFixedPort(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!collector.healthy()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        collector.kill();
        throw new IllegalStateException("the collector did not start on port " + port + ":\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return collector;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private boolean healthy() {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/healthz").toURL().openConnection();
      connection.setConnectTimeout(1_000);
      connection.setReadTimeout(1_000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  /** SIGKILL, as in a crash. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
