package io.configdrift.collector.cli;

import picocli.CommandLine.Option;

/** Where the collector is and the token to read it with; shared by every command that asks it. */
final class CollectorOptions {
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

  CollectorClient connect() {
    return new CollectorClient(url, token);
  }
}
