package io.configdrift.collector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar configdrift.jar <command>}: the collector server and the tools around it.
 * Exit codes follow {@code kubectl diff}: 0 no drift, 1 drift found, 2 a usage or runtime error,
 * which prints one line and never a stack trace.
 */
@Command(name = "configdrift", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Makes configuration drift between environments and regions visible.",
    subcommands = {ServeCommand.class})
public final class ConfigdriftCli {
  public static final int NO_DRIFT = 0;
  public static final int DRIFT = 1;
  public static final int ERROR = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new ConfigdriftCli())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("configdrift: " + UserErrors.describe(e));
          return ERROR;
        })
        .setParameterExceptionHandler((e, args2) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("configdrift: " + e.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
          return ERROR;
        });
    commandLine.setExitCodeExceptionMapper(e -> ERROR);
    return commandLine.execute(args);
  }
}
