package io.configdrift.collector.cli;

import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.policy.BaselineWriter;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code configdrift baseline}: accepts a service's current findings, so that only new drift shows.
 * Writes the policy's {@code baseline:} section, pinned to today's values (short fingerprints).
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Writes a policy baseline: section that accepts the current findings of a service, so that "
        + "only new drift is reported. Merges into an existing policy file with --policy.",
    footer = {"%nExample:",
        "  configdrift baseline --collector http://collector:7070 --service checkout \\",
        "      --policy policy.yaml --output policy.yaml --reason 'known before go-live'",
        "%nExit codes:%n  0  the baseline was written (also when there was nothing to accept)",
        "  2  a usage or runtime error (one line on stderr)"})
final class BaselineCommand implements Callable<Integer> {
  @ParentCommand
  ConfigdriftCli cli;

  @Mixin
  CollectorOptions collector;

  @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "The service.")
  String service;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "An existing policy file: findings it already ignores, allows or accepts are left out, and "
          + "the new entries are added to its baseline: section (comments kept).")
  Path policyFile;

  @Option(names = "--reason", description = "Why the drift is accepted, written into each entry "
      + "(default: accepted with configdrift baseline on <today>).")
  String reason;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write here (may be the --policy file itself) instead of printing.")
  Path output;

  @Override
  public Integer call() throws Exception {
    List<Finding> current = collector.fetch(client -> client.findings(service));
    String existing = policyFile == null ? null : Files.readString(policyFile, StandardCharsets.UTF_8);
    Policy policy = existing == null ? Policy.empty() : PolicyLoader.parse(existing, policyFile.toString());
    List<Finding> accepted = PolicySuppression.apply(policy, current).findings();
    String why = reason != null ? reason
        : "accepted with configdrift baseline on " + LocalDate.now(ZoneOffset.UTC);
    String yaml = existing == null ? BaselineWriter.write(accepted, why)
        : PolicyMerge.addBaseline(existing, accepted, why, policyFile.toString());

    if (output == null) {
      cli.out().print(yaml);
      cli.out().flush();
    } else {
      writeAtomically(output, yaml);
    }
    // The summary goes to stderr so that printed YAML can be redirected into a file as it is.
    int entries = BaselineWriter.entriesFor(accepted, why).size();
    cli.err().println(entries == 0 ? "No new findings of " + service + " to accept."
        : "Accepted " + entries + (entries == 1 ? " finding" : " findings") + " of " + service
            + (output == null ? "" : " in " + output) + ".");
    return ConfigdriftCli.NO_DRIFT;
  }

  /** A policy file is never left half-written, even when it is the one being merged into. */
  private static void writeAtomically(Path file, String text) throws Exception {
    Path absolute = file.toAbsolutePath();
    Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
