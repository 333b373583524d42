package io.configdrift.collector.cli;

import io.configdrift.collector.alerts.WebhookAlerts;
import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.engine.ValueFingerprints;
import io.configdrift.collector.metrics.CollectorMetrics;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyLoader;
import io.configdrift.collector.query.DriftQueries;
import io.configdrift.collector.server.CollectorServer;
import io.configdrift.collector.storage.Storage;
import io.configdrift.collector.storage.StorageFactory;
import io.configdrift.protocol.Fingerprinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code configdrift serve}: runs the collector until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Runs the collector: receives agent reports, stores them, serves the API and the drift page.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--db", description = "JDBC URL: jdbc:sqlite:FILE (default: jdbc:sqlite:configdrift.db) or jdbc:postgresql://HOST/DB.")
  String database;

  @Option(names = "--ingest-token", defaultValue = "${env:CONFIGDRIFT_INGEST_TOKEN}",
      description = "Token agents must send to POST reports (default: $CONFIGDRIFT_INGEST_TOKEN; none: open).")
  String ingestToken;

  @Option(names = "--read-token", defaultValue = "${env:CONFIGDRIFT_READ_TOKEN}",
      description = "Token needed to read the API (default: $CONFIGDRIFT_READ_TOKEN; none: open).")
  String readToken;

  @Option(names = "--policy", description = "Policy file (YAML); see docs/policy.md.")
  Path policyFile;

  @Option(names = "--webhook", description = "URL to POST a Slack-compatible message to when a new finding appears.")
  String webhook;

  @Option(names = "--agent-interval", defaultValue = "60",
      description = "Seconds between an agent's reports (default: ${DEFAULT-VALUE}); an instance silent for 3 intervals is no longer live.")
  int agentIntervalSeconds;

  @Option(names = "--max-report-bytes", defaultValue = "2097152",
      description = "Largest report accepted, after unzipping (default: ${DEFAULT-VALUE}).")
  long maxReportBytes;

  @Option(names = "--fingerprint-key-file",
      description = "File with the fleet fingerprint key (default: $CONFIGDRIFT_FINGERPRINT_KEY), so policy rules can check hidden values.")
  Path fingerprintKeyFile;

  @Override
  public Integer call() throws Exception {
    Policy policy = PolicyLoader.loadOrEmpty(policyFile);
    Clock clock = Clock.systemUTC();
    DriftEngine engine = new DriftEngine(ValueFingerprints.using(fingerprinter()));
    CountDownLatch stopped = new CountDownLatch(1);
    Storage storage = StorageFactory.open(database);
    DriftQueries queries = new DriftQueries(storage, engine, policy,
        Duration.ofSeconds(3L * agentIntervalSeconds), clock);
    CollectorMetrics metrics = new CollectorMetrics(queries);
    WebhookAlerts alerts = webhook == null ? null : new WebhookAlerts(webhook, queries, storage, clock);
    CollectorServer server = new CollectorServer(
        new CollectorServer.Settings(host, port, ingestToken, readToken, maxReportBytes), storage, queries, clock,
        report -> {
          metrics.reportReceived(report.service);
          if (alerts != null) {
            alerts.serviceChanged(report.service);
          }
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      if (alerts != null) {
        alerts.close();
      }
      metrics.close();
      storage.close();
      stopped.countDown();
    }, "configdrift-shutdown"));
    System.out.println("configdrift collector listening on http://" + host + ":" + server.port()
        + " (storage: " + (database == null ? "jdbc:sqlite:configdrift.db" : redact(database)) + ")");
    stopped.await();
    return ConfigdriftCli.NO_DRIFT;
  }

  private Fingerprinter fingerprinter() throws java.io.IOException {
    if (fingerprintKeyFile != null) {
      return Fingerprinter.withKey(Files.readString(fingerprintKeyFile).trim());
    }
    return Fingerprinter.withKey(System.getenv(Fingerprinter.KEY_ENVIRONMENT_VARIABLE));
  }

  /** A JDBC URL may carry a password; print it without one. */
  static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
