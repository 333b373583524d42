package io.configdrift.collector.cli;

import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.storage.TimelineEntry;
import io.configdrift.protocol.Sources;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code configdrift history KEY}: every value a key has had, where, and when it was seen. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Shows every value a key of a service has had in each environment and region, and when it "
        + "was first and last seen.",
    footer = {"%nExample:",
        "  configdrift history DB_TIMEOUT --collector http://collector:7070 --service checkout",
        "%nExit codes:%n  0  the history was printed",
        "  2  a usage or runtime error, such as a key the collector never saw (one line on stderr)"})
final class HistoryCommand implements Callable<Integer> {
  @ParentCommand
  ConfigdriftCli cli;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key, as the code reads it.")
  String key;

  @Mixin
  CollectorOptions collector;

  @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "The service.")
  String service;

  @Option(names = "--source", defaultValue = Sources.ENV, paramLabel = "env|sysprop",
      description = "Where the key is read from: env (the default) or sysprop.")
  String source;

  @Mixin
  OutputOptions format;

  @Override
  public Integer call() {
    List<TimelineEntry> history = collector.fetch(client -> client.history(service, source, key));
    if (history.isEmpty()) {
      // Most likely a misspelt key or the wrong source: say so rather than print an empty table.
      throw new CliException("the collector has seen no value of " + ValueText.key(source, key) + " for " + service
          + (Sources.ENV.equals(source) ? " (a system property? use --source sysprop)" : ""));
    }
    Output output = format.open(cli);
    if (output.isJson()) {
      output.json(history);
      return ConfigdriftCli.NO_DRIFT;
    }
    TextTable table = new TextTable("SCOPE", "VALUE", "FIRST SEEN", "LAST SEEN", "INSTANCES", "CALLERS");
    for (TimelineEntry entry : history) {
      table.row(TextTable.cell(new Scope(entry.environment(), entry.region()).toString()),
          TextTable.cell(ValueText.value(entry.value(), entry.fingerprint())),
          TextTable.cell(ValueText.time(entry.firstSeen())),
          TextTable.cell(ValueText.time(entry.lastSeen())),
          TextTable.cell(String.valueOf(entry.instances())),
          TextTable.cell(entry.callers() == null ? "" : String.join(", ", entry.callers())));
    }
    output.title("History of " + ValueText.key(source, key) + " in " + service);
    output.table(table);
    return ConfigdriftCli.NO_DRIFT;
  }
}
