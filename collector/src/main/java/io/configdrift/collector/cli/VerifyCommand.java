package io.configdrift.collector.cli;

import io.configdrift.collector.engine.Matrix;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.policy.KeyPattern;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.RevealPolicy;
import io.configdrift.protocol.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code configdrift verify}: does the running service have the configuration its deployment
 * declares? The declared values are fingerprinted on this machine; neither they nor the fleet key
 * are sent anywhere, and values the reveal policy hides are shown only as short fingerprints.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Checks a running scope (or one report file) against the configuration a deployment declares: "
        + "a .env file, a .properties file, YAML or JSON, or Kubernetes ConfigMaps and Secrets. Declared values "
        + "are fingerprinted here with $CONFIGDRIFT_FINGERPRINT_KEY and never sent anywhere.",
    footer = {"%nExamples:",
        "  configdrift verify --expected k8s/configmap.yaml \\",
        "      --collector http://collector:7070 --service checkout --scope production",
        "  configdrift verify --expected production.env --report report.json",
        ConfigdriftCli.EXIT_CODES})
final class VerifyCommand implements Callable<Integer> {
  @ParentCommand
  ConfigdriftCli cli;

  @Option(names = "--expected", required = true, paramLabel = "FILE",
      description = "The declared configuration: .env, .properties, .yaml/.yml (a map, or ConfigMap and Secret "
          + "manifests), or .json.")
  Path expectedFile;

  @Option(names = "--expected-format", paramLabel = "env|properties|yaml|json",
      description = "Format of the --expected file, when its name does not tell.")
  ExpectedFormat expectedFormat;

  @Option(names = "--report", paramLabel = "FILE", description = "A report file (the agent's file= output) to check.")
  Path reportFile;

  @Mixin
  CollectorOptions collector;

  @Option(names = "--service", paramLabel = "SERVICE", description = "The service, with --collector.")
  String service;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "The scope to check, with --collector: production or production/eu-west-1.")
  String scope;

  @Option(names = "--source", defaultValue = Sources.ENV, paramLabel = "env|sysprop",
      description = "Which keys the file declares: env (environment variables, the default) or sysprop (-D system properties).")
  String source;

  @Option(names = "--ignore", paramLabel = "PATTERN",
      description = "Key pattern to leave out of every check, e.g. 'AWS_*' (repeatable).")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--ignore-undeclared",
      description = "Do not report keys that are set but not declared (when the file is one of several sources).")
  boolean ignoreUndeclared;

  @Mixin
  FingerprintKeyOption fingerprintKey;

  @Mixin
  OutputOptions format;

  @Override
  public Integer call() throws Exception {
    checkUsage();
    ExpectedConfig expected = ExpectedFiles.read(expectedFile, expectedFormat);
    LiveConfig live = reportFile != null ? fromReport() : fromCollector();
    Fingerprinter fingerprinter = fingerprinterFor(live);
    List<KeyPattern> ignored = ignore.stream().map(KeyPattern::parse).toList();
    ConfigVerification.Result result = new ConfigVerification(fingerprinter, RevealPolicy.defaults(), ignored,
        !ignoreUndeclared).verify(expected, live, source);
    VerificationView.print(format.open(cli), result);
    return result.matches() ? ConfigdriftCli.NO_DRIFT : ConfigdriftCli.DRIFT;
  }

  private void checkUsage() {
    if ((reportFile == null) == (!collector.given())) {
      throw collector.usage("give either --report FILE or --collector URL --service S --scope SCOPE");
    }
    if (reportFile != null && (service != null || scope != null)) {
      throw collector.usage("--service and --scope go with --collector; a report names its own");
    }
    if (collector.given() && (service == null || scope == null)) {
      throw collector.usage("with --collector, give --service S and --scope SCOPE");
    }
    if (!Sources.ENV.equals(source) && !Sources.SYSPROP.equals(source)) {
      throw collector.usage("--source must be env or sysprop, not '" + source + "'");
    }
  }

  private LiveConfig fromReport() throws Exception {
    Report report = ReportFiles.read(reportFile);
    String subject = report.service + " in " + new Scope(report.environment, report.region) + " (" + reportFile + ")";
    return LiveConfig.fromReport(subject, report, source);
  }

  private LiveConfig fromCollector() {
    Matrix matrix = collector.fetch(client -> client.matrix(service));
    String column = column(matrix, Scope.parse(scope));
    return LiveConfig.fromMatrix(service + " in " + column, matrix, column, source);
  }

  /**
   * The matrix column of the scope: the scope itself, or its environment's only region when an
   * environment runs in one region.
   */
  static String column(Matrix matrix, Scope wanted) {
    if (matrix.scopes().contains(wanted.toString())) {
      return wanted.toString();
    }
    List<String> regions = wanted.region() != null ? List.of()
        : matrix.scopes().stream().filter(s -> s.startsWith(wanted.environment() + "/")).toList();
    if (regions.size() == 1) {
      return regions.get(0);
    }
    if (regions.size() > 1) {
      throw new CliException(matrix.service() + " runs in several regions of " + wanted + " (" + String.join(", ", regions)
          + "): pass one as --scope");
    }
    throw new CliException(matrix.service() + " has no live instance in " + wanted + "; live scopes: "
        + (matrix.scopes().isEmpty() ? "none" : String.join(", ", matrix.scopes())));
  }

  /**
   * The fleet key where the values were fingerprinted with it. A report says which algorithm it
   * used, so an agent without a key (plain SHA-256) is matched even where a key is set here.
   */
  private Fingerprinter fingerprinterFor(LiveConfig live) throws Exception {
    Fingerprinter configured = fingerprintKey.fingerprinter();
    if (Fingerprinter.SHA256.equals(live.algorithm())) {
      return Fingerprinter.unkeyed();
    }
    if (Fingerprinter.HMAC_SHA256.equals(live.algorithm()) && !configured.isKeyed()) {
      throw new CliException("the live values are fingerprinted with the fleet key: set "
          + Fingerprinter.KEY_ENVIRONMENT_VARIABLE + " (or --fingerprint-key-file) to the key the agents use");
    }
    return configured;
  }
}
