package io.configdrift.collector.cli;

import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.engine.EngineResult;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.collector.engine.ValueFingerprints;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyLoader;
import io.configdrift.collector.query.DriftAnswer;
import io.configdrift.protocol.Report;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code configdrift diff}: the drift between two report files, with the same engine the collector
 * runs, or between two live scopes of a service as the collector sees them.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Shows the drift between two report files (the agent's file= output), or between two live "
        + "scopes of a service in a collector.",
    footer = {"%nExamples:",
        "  configdrift diff staging.json production.json --policy policy.yaml",
        "  configdrift diff --collector http://collector:7070 --service checkout \\",
        "      --between staging production",
        ConfigdriftCli.EXIT_CODES})
final class DiffCommand implements Callable<Integer> {
  @ParentCommand
  ConfigdriftCli cli;

  @Parameters(arity = "0..2", paramLabel = "REPORT",
      description = "Two report files; each is compared as the scope (environment/region) it reports, or as its "
          + "file name when both report the same scope.")
  List<Path> reportFiles = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "FILE",
      description = "Policy file (docs/policy.md). With report files all of it applies; with --collector its "
          + "ignore, allowDifferent and baseline apply on top of the collector's own policy.")
  Path policyFile;

  @Mixin
  CollectorOptions collector;

  @Option(names = "--service", paramLabel = "SERVICE", description = "The service, with --collector.")
  String service;

  @Option(names = "--between", arity = "2", paramLabel = "SCOPE",
      description = "The two scopes to compare, with --collector: production or production/eu-west-1.")
  List<String> between;

  @Mixin
  FingerprintKeyOption fingerprintKey;

  @Mixin
  OutputOptions format;

  @Override
  public Integer call() throws Exception {
    Policy policy = PolicyLoader.loadOrEmpty(policyFile);
    DriftAnswer answer = collector.given() ? live(policy) : offline(policy);
    FindingsView.print(format.open(cli), answer);
    return answer.findings().isEmpty() ? ConfigdriftCli.NO_DRIFT : ConfigdriftCli.DRIFT;
  }

  private DriftAnswer offline(Policy policy) throws Exception {
    if (reportFiles.size() != 2) {
      throw collector.usage("give two report files, or --collector URL --service S --between A B");
    }
    if (service != null || between != null) {
      throw collector.usage(
          "--service and --between go with --collector; with report files the reports name the service");
    }
    Path fileA = reportFiles.get(0);
    Path fileB = reportFiles.get(1);
    Report a = ReportFiles.read(fileA);
    Report b = ReportFiles.read(fileB);
    if (!Objects.equals(a.service, b.service)) {
      throw new CliException(fileA + " reports service " + a.service + " but " + fileB + " reports " + b.service
          + ": compare reports of one service");
    }
    List<Scope> scopes = labels(a, fileA, b, fileB);
    DriftEngine engine = new DriftEngine(ValueFingerprints.using(fingerprintKey.fingerprinter()));
    EngineResult result = engine.evaluate(a.service,
        List.of(ScopeSnapshot.of(scopes.get(0), List.of(a)), ScopeSnapshot.of(scopes.get(1), List.of(b))),
        policy, Instant.now());
    return new DriftAnswer(a.service, scopes.get(0).toString(), scopes.get(1).toString(), result.findings(),
        result.allowed().size(), result.baselined().size());
  }

  /**
   * Each report stands for its own scope. Two reports of one scope (two instances, or before and
   * after a change) are told apart by their file names, by their paths if those match too, and by
   * #1 and #2 when one file is given twice.
   */
  static List<Scope> labels(Report a, Path fileA, Report b, Path fileB) {
    Scope scopeA = new Scope(a.environment, a.region);
    Scope scopeB = new Scope(b.environment, b.region);
    if (!scopeA.equals(scopeB)) {
      return List.of(scopeA, scopeB);
    }
    String nameA = String.valueOf(fileA.getFileName());
    String nameB = String.valueOf(fileB.getFileName());
    if (nameA.equals(nameB)) {
      nameA = fileA.toString();
      nameB = fileB.toString();
    }
    if (nameA.equals(nameB)) {
      // One file twice: still two columns.
      nameA += " #1";
      nameB += " #2";
    }
    // A label is not parsed as environment/region: a path's slashes stay part of the name.
    return List.of(new Scope(nameA, null), new Scope(nameB, null));
  }

  private DriftAnswer live(Policy policy) {
    if (!reportFiles.isEmpty()) {
      throw collector.usage("give either two report files or --collector, not both");
    }
    if (service == null || between == null) {
      throw collector.usage("with --collector, give --service S and --between A B");
    }
    String a = Scope.parse(between.get(0)).toString();
    String b = Scope.parse(between.get(1)).toString();
    DriftAnswer answer = collector.fetch(client -> client.drift(service, a, b));
    if (policyFile == null) {
      return answer;
    }
    EngineResult local = PolicySuppression.apply(policy, answer.findings());
    return new DriftAnswer(answer.service(), answer.a(), answer.b(), local.findings(),
        answer.allowed() + local.allowed().size(), answer.baselined() + local.baselined().size());
  }
}
