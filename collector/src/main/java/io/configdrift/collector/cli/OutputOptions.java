package io.configdrift.collector.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option every reading command shares. */
final class OutputOptions {
  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|markdown",
      description = "Output format: table (default; coloured on a terminal unless NO_COLOR is set), json or markdown.")
  OutputFormat format;

  Output open(ConfigdriftCli cli) {
    return new Output(cli.out(), format, cli.styling());
  }
}
