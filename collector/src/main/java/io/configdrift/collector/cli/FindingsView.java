package io.configdrift.collector.cli;

import io.configdrift.collector.cli.Styling.Style;
import io.configdrift.collector.cli.TextTable.Cell;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.FindingKind;
import io.configdrift.collector.engine.Side;
import io.configdrift.collector.query.DriftAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the drift between two scopes: one row per finding with what each scope holds and the
 * engine's sentence on what to do, then a one-line summary. JSON is the collector's own
 * {@code /v1/drift} answer, whether it came from the collector or from report files.
 */
final class FindingsView {
  private FindingsView() {}

  static void print(Output output, DriftAnswer answer) {
    if (output.isJson()) {
      output.json(answer);
      return;
    }
    if (!answer.findings().isEmpty()) {
      TextTable table = new TextTable("KIND", "KEY", answer.a(), answer.b(), "FINDING");
      for (Finding finding : answer.findings()) {
        table.row(TextTable.cell(finding.kind().wireName(), style(finding.kind())),
            TextTable.cell(ValueText.key(finding.source(), finding.key())),
            sides(finding, answer.a()), sides(finding, answer.b()),
            TextTable.cell(finding.message()));
      }
      output.table(table);
    }
    output.line(summary(answer), answer.findings().isEmpty() ? Style.GREEN : Style.RED);
  }

  /**
   * What a scope's column shows for a finding: its side, or both sides of a single-scope finding
   * (an inconsistent key's majority and minority), or nothing when the finding is about the other scope.
   */
  private static Cell sides(Finding finding, String scope) {
    List<String> held = new ArrayList<>();
    for (Side side : new Side[] {finding.a(), finding.b()}) {
      if (side != null && scope.equals(side.scope())) {
        held.add(ValueText.side(side) + (finding.kind() == FindingKind.INCONSISTENT
            ? " (" + side.instances().size() + ")" : ""));
      }
    }
    return TextTable.cell(String.join(" vs ", held));
  }

  static String summary(DriftAnswer answer) {
    int count = answer.findings().size();
    String explained = answer.allowed() + answer.baselined() == 0 ? ""
        : " (" + answer.allowed() + " allowed and " + answer.baselined() + " baselined by the policy)";
    if (count == 0) {
      return "No drift between " + answer.a() + " and " + answer.b() + " of " + answer.service() + explained + ".";
    }
    return count + (count == 1 ? " finding" : " findings") + " between " + answer.a() + " and " + answer.b()
        + " of " + answer.service() + explained + ".";
  }

  static Style style(FindingKind kind) {
    return switch (kind) {
      case DIFFERENT, MISSING, RULE -> Style.RED;
      case DEFAULTED, READ_ONLY_IN, INCONSISTENT, SHADOWED -> Style.YELLOW;
      case UNUSED -> Style.CYAN;
    };
  }
}
