package io.configdrift.collector.cli;

import io.configdrift.collector.cli.ConfigVerification.KeyCheck;
import io.configdrift.collector.cli.ConfigVerification.Result;
import io.configdrift.collector.cli.Styling.Style;
import java.util.List;

/** Prints what {@code verify} found: a table per kind of mismatch, then a summary line. */
final class VerificationView {
  private VerificationView() {}

  static void print(Output output, Result result) {
    if (output.isJson()) {
      output.json(result);
      return;
    }
    section(output, "Different from " + result.expectedFile(), result.different());
    section(output, "Declared but not set", result.missing());
    section(output, "Set but not declared", result.undeclared());
    output.lines(result.warnings().stream().map(warning -> "Note: " + warning).toList(), Style.YELLOW);
    output.line(summary(result), result.matches() ? Style.GREEN : Style.RED);
  }

  private static void section(Output output, String title, List<KeyCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    output.title(title + " (" + checks.size() + ")");
    TextTable table = new TextTable("KEY", "EXPECTED", "LIVE", "NOTE");
    for (KeyCheck check : checks) {
      table.row(TextTable.cell(check.key(), Style.BOLD), TextTable.cell(check.expected()),
          TextTable.cell(check.live(), Style.RED), TextTable.cell(check.note()));
    }
    output.table(table);
  }

  static String summary(Result result) {
    String subject = result.subject() + " against " + result.expectedFile() + " (" + result.source() + "): ";
    if (result.matches()) {
      return subject + "all " + result.checked() + " declared keys match.";
    }
    return subject + result.matching() + " of " + result.checked() + " declared keys match, "
        + result.different().size() + " different, " + result.missing().size() + " not set, "
        + result.undeclared().size() + " set but not declared.";
  }
}
