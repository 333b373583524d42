package io.configdrift.collector.cli;

import io.configdrift.collector.cli.Styling.Style;
import io.configdrift.collector.cli.TextTable.Cell;
import io.configdrift.collector.engine.FindingKind;
import io.configdrift.collector.engine.Matrix;
import io.configdrift.collector.engine.MatrixCell;
import io.configdrift.collector.engine.MatrixRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code configdrift matrix}: every key of a service down, every live scope across. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Shows every key of a service down and its live scopes across: the value where the agent "
        + "revealed it, else # and its fingerprint's first 8 characters; [kind] badges mark findings, ! a key "
        + "with drift.",
    footer = {"%nExample:",
        "  configdrift matrix --collector http://collector:7070 --service checkout",
        ConfigdriftCli.EXIT_CODES})
final class MatrixCommand implements Callable<Integer> {
  /** Cells of one row that hold another value than the first scope's get another colour. */
  private static final Style[] VALUE_GROUP_STYLES = {null, Style.YELLOW, Style.MAGENTA, Style.CYAN};

  @ParentCommand
  ConfigdriftCli cli;

  @Mixin
  CollectorOptions collector;

  @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "The service.")
  String service;

  @Option(names = "--drift-only", description = "Show only keys with drift.")
  boolean driftOnly;

  @Option(names = "--all", description = "Also show platform keys (PATH, HOSTNAME, java.*...) and ignored keys.")
  boolean all;

  @Mixin
  OutputOptions format;

  @Override
  public Integer call() {
    Matrix matrix = collector.fetch(client -> client.matrix(service));
    boolean drift = matrix.rows().stream().anyMatch(MatrixRow::drift);
    Matrix shown = new Matrix(matrix.service(), matrix.scopes(), matrix.rows().stream()
        .filter(row -> all || !row.muted())
        .filter(row -> !driftOnly || row.drift())
        .toList());
    print(format.open(cli), shown, matrix.rows().size());
    return drift ? ConfigdriftCli.DRIFT : ConfigdriftCli.NO_DRIFT;
  }

  private static void print(Output output, Matrix matrix, int allRows) {
    if (output.isJson()) {
      output.json(matrix);
      return;
    }
    List<String> headers = new ArrayList<>(List.of("", "KEY"));
    headers.addAll(matrix.scopes());
    TextTable table = new TextTable(headers.toArray(String[]::new));
    long withDrift = 0;
    for (MatrixRow row : matrix.rows()) {
      withDrift += row.drift() ? 1 : 0;
      List<Cell> cells = new ArrayList<>();
      cells.add(TextTable.cell(row.drift() ? "!" : "", Style.RED));
      cells.add(TextTable.cell(ValueText.key(row.source(), row.key()),
          row.drift() ? Style.RED : row.muted() ? Style.DIM : null));
      for (String scope : matrix.scopes()) {
        cells.add(cell(row.cells().get(scope), row.muted()));
      }
      table.row(cells);
    }
    if (!table.isEmpty()) {
      output.table(table);
    }
    String hidden = allRows > matrix.rows().size() ? " (" + (allRows - matrix.rows().size()) + " more hidden)" : "";
    output.line(matrix.service() + ": " + matrix.rows().size() + " keys in " + matrix.scopes().size() + " scopes, "
        + withDrift + " with drift" + hidden + ".", withDrift == 0 ? Style.GREEN : Style.RED);
  }

  private static Cell cell(MatrixCell cell, boolean muted) {
    if (cell == null) {
      return TextTable.cell("");
    }
    StringBuilder text = new StringBuilder(ValueText.cell(cell));
    if (cell.disagree()) {
      text.append(" (instances disagree)");
    }
    for (FindingKind badge : cell.badges()) {
      text.append(" [").append(badge.wireName()).append(']');
    }
    Style style = muted ? Style.DIM
        : !cell.badges().isEmpty() ? Style.RED
        : VALUE_GROUP_STYLES[cell.valueGroup() % VALUE_GROUP_STYLES.length];
    return TextTable.cell(text.toString(), style);
  }
}
