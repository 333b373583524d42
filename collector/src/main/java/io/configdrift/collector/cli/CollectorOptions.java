package io.configdrift.collector.cli;

import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the collector is and the token to read it with; shared by every command that asks it. */
final class CollectorOptions {
  /** The command these options belong to, for usage errors. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--collector", paramLabel = "URL",
      description = "Base URL of the collector, e.g. http://collector:7070.")
  String url;

  @Option(names = "--token", defaultValue = "${env:CONFIGDRIFT_READ_TOKEN}", paramLabel = "TOKEN",
      description = "Read token of the collector (default: $CONFIGDRIFT_READ_TOKEN). Prefer the "
          + "environment variable: arguments show in process lists.")
  String token;

  boolean given() {
    return url != null;
  }

  /** A client for the collector; {@code --collector} is required by the time a command connects. */
  CollectorClient connect() {
    if (url == null) {
      throw new ParameterException(command.commandLine(), "Missing required option: '--collector=URL'");
    }
    return new CollectorClient(url, token);
  }

  /** Connects, asks the collector one thing and closes the client again. */
  <T> T fetch(Function<CollectorClient, T> call) {
    try (CollectorClient client = connect()) {
      return call.apply(client);
    }
  }

  /** A usage error of the command these options belong to. */
  ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
