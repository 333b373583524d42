package io.configdrift.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configdrift.collector.cli.Styling.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormattingTest {
  private static final String ESC = "\u001b[";

  private static TextTable findings() {
    return new TextTable("KIND", "KEY", "VALUE")
        .row(TextTable.cell("different", Style.RED), TextTable.cell("DB_TIMEOUT"), TextTable.cell("60s"))
        .row(TextTable.cell("unused", Style.CYAN), TextTable.cell("LOG_LEVEL"), TextTable.cell("a|b"));
  }

  @Test
  void plainTableAlignsColumnsWithoutColourCodes() {
    assertThat(findings().toText(Styling.plain())).isEqualTo("""
        KIND       KEY         VALUE
        different  DB_TIMEOUT  60s
        unused     LOG_LEVEL   a|b
        """);
  }

  @Test
  void colouredTableKeepsTheSameAlignmentOnceTheCodesAreRemoved() {
    String coloured = findings().toText(Styling.ansi());

    assertThat(coloured).contains(ESC + "31mdifferent" + ESC + "0m", ESC + "1mKIND" + ESC + "0m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(findings().toText(Styling.plain()));
  }

  @Test
  void markdownTableEscapesPipesAndHasAHeaderRule() {
    assertThat(findings().toMarkdown()).isEqualTo("""
        | KIND | KEY | VALUE |
        | --- | --- | --- |
        | different | DB_TIMEOUT | 60s |
        | unused | LOG_LEVEL | a\\|b |
        """);
  }

  @Test
  void aLineBreakInAValueStaysInItsRow() {
    String text = new TextTable("KEY", "VALUE").row(TextTable.cell("MOTD"), TextTable.cell("one\ntwo"))
        .toText(Styling.plain());

    assertThat(text.lines()).containsExactly("KEY   VALUE", "MOTD  one\\ntwo");
  }

  @Test
  void coloursOnlyOnATerminalAndOnlyWithoutNoColor() {
    assertThat(Styling.choose(true, null).colours()).isTrue();
    assertThat(Styling.choose(true, "").colours()).as("NO_COLOR set but empty does not count").isTrue();
    assertThat(Styling.choose(true, "1").colours()).isFalse();
    assertThat(Styling.choose(false, null).colours()).as("piped").isFalse();
  }

  @Test
  void theInProcessEntryPointNeverColours() {
    // Tests and tools that embed the CLI capture its output: no escape codes there.
    CliRun help = CliRun.of("--help");

    assertThat(help.out()).doesNotContain(ESC).contains("Exit codes:", "1  drift found");
  }

  @Test
  void markdownAndJsonAreNeverColouredEvenOnATerminal() {
    StringWriter markdown = new StringWriter();
    Output output = new Output(new PrintWriter(markdown), OutputFormat.MARKDOWN, Styling.ansi());
    output.title("Findings");
    output.table(findings());
    output.line("2 findings.", Style.RED);

    assertThat(markdown.toString()).doesNotContain(ESC).isEqualTo("""
        ### Findings

        | KIND | KEY | VALUE |
        | --- | --- | --- |
        | different | DB_TIMEOUT | 60s |
        | unused | LOG_LEVEL | a\\|b |

        2 findings.
        """);
  }

  @Test
  void textBlocksAreSeparatedByABlankLineAndATitleSticksToItsTable() {
    StringWriter text = new StringWriter();
    Output output = new Output(new PrintWriter(text), OutputFormat.TABLE, Styling.plain());
    output.title("Different");
    output.table(new TextTable("KEY").row(TextTable.cell("A")));
    output.title("Missing");
    output.table(new TextTable("KEY").row(TextTable.cell("B")));
    output.lines(List.of("Note: one", "Note: two"), Style.YELLOW);

    assertThat(text.toString()).isEqualTo("""
        Different
        KEY
        A

        Missing
        KEY
        B

        Note: one
        Note: two
        """);
  }

  @Test
  void jsonIsIndentedWithIsoTimes() throws Exception {
    StringWriter json = new StringWriter();
    new Output(new PrintWriter(json), OutputFormat.JSON, Styling.ansi())
        .json(Map.of("since", Instant.parse("2026-11-28T08:00:00Z")));

    JsonNode parsed = CliJson.MAPPER.readTree(json.toString());
    assertThat(parsed.get("since").asText()).isEqualTo("2026-11-28T08:00:00Z");
    assertThat(json.toString()).doesNotContain(ESC).contains("\n");
  }

  @Test
  void hiddenValuesShowAsShortFingerprintsAndOtherSourcesAreNamed() {
    assertThat(ValueText.value("60s", "ab12cd34ef")).isEqualTo("60s");
    assertThat(ValueText.value(null, "ab12cd34ef56")).isEqualTo("#ab12cd34");
    assertThat(ValueText.value(null, null)).isEqualTo("(not set)");
    assertThat(ValueText.key("env", "DB_TIMEOUT")).isEqualTo("DB_TIMEOUT");
    assertThat(ValueText.key("sysprop", "db.timeout")).isEqualTo("sysprop:db.timeout");
  }
}
