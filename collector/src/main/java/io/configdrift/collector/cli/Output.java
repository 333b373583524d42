package io.configdrift.collector.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.configdrift.collector.cli.Styling.Style;
import java.io.PrintWriter;
import java.util.List;

/**
 * Where a command prints its answer, in the format asked for. A command either prints one JSON
 * document ({@link #json}) or a sequence of blocks (titles, tables, lines), which this class
 * separates by blank lines and draws as text or Markdown.
 */
final class Output {
  private final PrintWriter out;
  private final OutputFormat format;
  private final Styling styling;
  private boolean blockPrinted;

  Output(PrintWriter out, OutputFormat format, Styling styling) {
    this.out = out;
    this.format = format;
    // Markdown and JSON go into files and comments: colour codes would only be noise there.
    this.styling = format == OutputFormat.TABLE ? styling : Styling.plain();
  }

  boolean isJson() {
    return format == OutputFormat.JSON;
  }

  void json(Object answer) {
    try {
      out.println(CliJson.MAPPER.writeValueAsString(answer));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the answer could not be written as JSON", e);
    }
    out.flush();
  }

  /** A heading above a table. */
  void title(String text) {
    startBlock();
    if (format == OutputFormat.MARKDOWN) {
      out.println("### " + TextTable.escapeMarkdown(text));
    } else {
      out.println(styling.apply(Style.BOLD, text));
    }
    // A title belongs to the block that follows it.
    blockPrinted = false;
    if (format == OutputFormat.MARKDOWN) {
      out.println();
    }
  }

  void table(TextTable table) {
    startBlock();
    out.print(format == OutputFormat.MARKDOWN ? table.toMarkdown() : table.toText(styling));
    out.flush();
  }

  /** A sentence, such as the summary under a table. */
  void line(String text, Style style) {
    lines(List.of(text), style);
  }

  /** Sentences that belong together, one per line. */
  void lines(List<String> texts, Style style) {
    if (texts.isEmpty()) {
      return;
    }
    startBlock();
    for (String text : texts) {
      // Markdown joins consecutive lines into one paragraph; a list keeps them apart.
      out.println(format == OutputFormat.MARKDOWN && texts.size() > 1 ? "- " + text : styling.apply(style, text));
    }
    out.flush();
  }

  private void startBlock() {
    if (blockPrinted) {
      out.println();
    }
    blockPrinted = true;
  }
}
