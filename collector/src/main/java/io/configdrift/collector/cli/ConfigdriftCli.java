package io.configdrift.collector.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar configdrift.jar <command>}: the collector server and the tools around it.
 * Exit codes follow {@code kubectl diff}: 0 no drift, 1 drift found, 2 a usage or runtime error,
 * which prints one line and never a stack trace.
 */
@Command(name = "configdrift", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Makes configuration drift between environments and regions visible.",
    subcommands = {ServeCommand.class, DiffCommand.class, VerifyCommand.class, MatrixCommand.class,
        HistoryCommand.class, ServicesCommand.class, BaselineCommand.class},
    footer = ConfigdriftCli.EXIT_CODES)
public final class ConfigdriftCli implements Runnable {
  public static final int NO_DRIFT = 0;
  public static final int DRIFT = 1;
  public static final int ERROR = 2;

  /** The help footer of the commands that look for drift. */
  static final String EXIT_CODES = "%nExit codes:%n  0  no drift%n  1  drift found%n"
      + "  2  a usage or runtime error (one line on stderr)";

  private final PrintWriter out;
  private final PrintWriter err;
  private final Styling styling;

  @Spec
  CommandSpec spec;

  private ConfigdriftCli(PrintWriter out, PrintWriter err, Styling styling) {
    this.out = out;
    this.err = err;
    this.styling = styling;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs on this process's standard output and error, coloured when they are a terminal. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Styling.forStandardOutput(), args);
  }

  /** Runs with the given output and error writers, never coloured: for tests and embedding. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Styling.plain(), args);
  }

  static int run(PrintWriter out, PrintWriter err, Styling styling, String... args) {
    CommandLine commandLine = new CommandLine(new ConfigdriftCli(out, err, styling))
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("configdrift: " + UserErrors.describe(e));
          return ERROR;
        })
        .setParameterExceptionHandler((e, args2) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("configdrift: " + e.getMessage()
              + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
          return ERROR;
        });
    commandLine.setExitCodeExceptionMapper(e -> ERROR);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** {@code configdrift} alone names no command. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Styling styling() {
    return styling;
  }
}
