package io.configdrift.collector.cli;

import io.configdrift.collector.cli.Styling.Style;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of cells drawn as aligned text columns or as a Markdown table. Cells are padded before they
 * are coloured, so colour codes never upset the alignment.
 */
final class TextTable {
  /** One cell: its text and, optionally, how to colour it on a terminal. */
  record Cell(String text, Style style) {
    Cell {
      text = text == null ? "" : oneLine(text);
    }
  }

  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  static Cell cell(String text) {
    return new Cell(text, null);
  }

  static Cell cell(String text, Style style) {
    return new Cell(text, style);
  }

  TextTable row(Cell... cells) {
    return row(Arrays.asList(cells));
  }

  TextTable row(List<Cell> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + headers.size() + " columns");
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Columns separated by two spaces, the header bold; the last column is not padded. */
  String toText(Styling styling) {
    int[] widths = widths();
    StringBuilder out = new StringBuilder();
    List<Cell> headerCells = headers.stream().map(h -> cell(h, Style.BOLD)).toList();
    appendTextRow(out, headerCells, widths, styling);
    for (List<Cell> row : rows) {
      appendTextRow(out, row, widths, styling);
    }
    return out.toString();
  }

  private static void appendTextRow(StringBuilder out, List<Cell> row, int[] widths, Styling styling) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < row.size(); column++) {
      Cell cell = row.get(column);
      boolean last = column == row.size() - 1;
      String padded = last ? cell.text() : pad(cell.text(), widths[column]);
      // Colour the text only, not its padding, so that a reset never lands inside the gap.
      String coloured = styling.apply(cell.style(), cell.text()) + padded.substring(cell.text().length());
      line.append(coloured);
      if (!last) {
        line.append(GAP);
      }
    }
    out.append(stripTrailing(line)).append('\n');
  }

  /** A GitHub-flavoured Markdown table; {@code |} in cells is escaped. */
  String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", headers.stream().map(TextTable::escapeMarkdown).toList())).append(" |\n");
    out.append("|").append(" --- |".repeat(headers.size())).append('\n');
    for (List<Cell> row : rows) {
      out.append("| ")
          .append(String.join(" | ", row.stream().map(c -> escapeMarkdown(c.text())).toList()))
          .append(" |\n");
    }
    return out.toString();
  }

  private int[] widths() {
    int[] widths = new int[headers.size()];
    for (int column = 0; column < headers.size(); column++) {
      widths[column] = headers.get(column).length();
    }
    for (List<Cell> row : rows) {
      for (int column = 0; column < row.size(); column++) {
        widths[column] = Math.max(widths[column], row.get(column).text().length());
      }
    }
    return widths;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String stripTrailing(StringBuilder line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }

  static String escapeMarkdown(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|");
  }

  /** A value with a line break would break a row; show the breaks instead. */
  private static String oneLine(String text) {
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r").replace("\t", " ");
  }
}
