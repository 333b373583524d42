package io.configdrift.collector.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real collector: {@code java -jar configdrift.jar serve} in its own process on a free loopback
 * port, stopped when the test closes it. Its output goes to a log file the test can read.
 */
public final class CollectorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+)");

  private final Process process;
  private final Path log;
  private final String baseUrl;

  private CollectorProcess(Process process, Path log, String baseUrl) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /** The packaged collector jar (built by {@code mvn verify} before the integration tests run). */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("collector.jar", "target/configdrift.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the collector jar " + jar + " is missing: run mvn verify, which packages it first");
    }
    return jar.toAbsolutePath();
  }

  /**
   * Starts {@code configdrift serve --port 0 --db <jdbcUrl>} plus {@code extraArguments}, in
   * {@code workDir}, and waits until it listens.
   */
  public static CollectorProcess start(Path workDir, String jdbcUrl, String... extraArguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString(), "serve", "--port", "0"));
    if (jdbcUrl != null) {
      command.add("--db");
      command.add(jdbcUrl);
    }
    command.addAll(List.of(extraArguments));
    Files.createDirectories(workDir);
    Path log = Files.createTempFile(workDir, "collector", ".log");
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String url = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line; url == null && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
      seen.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        url = matcher.group(1);
      }
    }
    if (url == null) {
      process.destroyForcibly();
      throw new IllegalStateException("the collector did not start:\n" + seen);
    }
    Files.writeString(log, seen);
    Thread drain = new Thread(() -> drain(out, log), "collector-log");
    drain.setDaemon(true);
    drain.start();
    return new CollectorProcess(process, log, url);
  }

  private static void drain(BufferedReader out, Path log) {
    try {
      for (String line; (line = out.readLine()) != null; ) {
        Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
      }
    } catch (IOException ended) {
      // The process is gone.
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** SIGKILL: no shutdown hook runs, as in a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
  }
}
