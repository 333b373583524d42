package io.configdrift.collector.cli;

import io.configdrift.collector.cli.Styling.Style;
import io.configdrift.collector.query.ServiceOverview;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code configdrift services}: every service the collector knows, with its findings. */
@Command(name = "services", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Lists the services that report to a collector, with their live scopes and findings; exits 1 "
        + "when any service has drift.",
    footer = {"%nExample:",
        "  configdrift services --collector http://collector:7070",
        ConfigdriftCli.EXIT_CODES})
final class ServicesCommand implements Callable<Integer> {
  @ParentCommand
  ConfigdriftCli cli;

  @Mixin
  CollectorOptions collector;

  @Mixin
  OutputOptions format;

  @Override
  public Integer call() {
    List<ServiceOverview> services = collector.fetch(CollectorClient::services);
    long drifting = services.stream().filter(s -> s.findings() > 0).count();
    boolean drift = drifting > 0;
    Output output = format.open(cli);
    if (output.isJson()) {
      output.json(services);
    } else {
      TextTable table = new TextTable("SERVICE", "INSTANCES", "LIVE SCOPES", "LAST SEEN", "FINDINGS");
      for (ServiceOverview service : services) {
        table.row(TextTable.cell(service.service(), Style.BOLD),
            TextTable.cell(String.valueOf(service.instances())),
            TextTable.cell(String.valueOf(service.liveScopes())),
            TextTable.cell(ValueText.time(service.lastSeen())),
            TextTable.cell(findings(service), service.findings() > 0 ? Style.RED : Style.GREEN));
      }
      if (!table.isEmpty()) {
        output.table(table);
      }
      output.line(services.size() + (services.size() == 1 ? " service, " : " services, ") + drifting
          + " with drift.", drift ? Style.RED : Style.GREEN);
    }
    return drift ? ConfigdriftCli.DRIFT : ConfigdriftCli.NO_DRIFT;
  }

  /** "3 (different 1, unused 2)". */
  private static String findings(ServiceOverview service) {
    Map<String, Integer> byKind = service.findingsByKind() == null ? Map.of() : service.findingsByKind();
    if (service.findings() == 0 || byKind.isEmpty()) {
      return String.valueOf(service.findings());
    }
    return service.findings() + " (" + byKind.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
  }
}
