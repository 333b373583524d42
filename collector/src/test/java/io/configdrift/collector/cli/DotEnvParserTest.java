package io.configdrift.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class DotEnvParserTest {
  @Test
  void readsAssignmentsCommentsExportAndQuotes() {
    String file = """
        # checkout, production
        DB_TIMEOUT=60s

        export PAYMENT_TIMEOUT = 45
        LOG_LEVEL=INFO # the pipeline cannot take DEBUG
        GREETING="hello # not a comment"
        LITERAL='no $expansion \\n here'
        ESCAPED="line one\\nline two \\"quoted\\" \\\\ done"
        EMPTY=
        URL=http://inventory:8080/path#fragment
        """;

    assertThat(DotEnvParser.parse(file, "prod.env")).containsExactly(
        entry("DB_TIMEOUT", "60s"),
        entry("PAYMENT_TIMEOUT", "45"),
        entry("LOG_LEVEL", "INFO"),
        entry("GREETING", "hello # not a comment"),
        entry("LITERAL", "no $expansion \\n here"),
        entry("ESCAPED", "line one\nline two \"quoted\" \\ done"),
        entry("EMPTY", ""),
        entry("URL", "http://inventory:8080/path#fragment"));
  }

  @Test
  void aQuotedValueMaySpanLines() {
    String file = "CERT=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n";

    assertThat(DotEnvParser.parse(file, "f.env"))
        .containsExactly(entry("CERT", "-----BEGIN-----\nabc\n-----END-----"), entry("NEXT", "1"));
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkAreNoPartOfKeysOrValues() {
    assertThat(DotEnvParser.parse("\uFEFFA=1\r\nB='2'\r\n", "f.env")).containsExactly(entry("A", "1"), entry("B", "2"));
  }

  @Test
  void aLaterLineForAKeyWins() {
    assertThat(DotEnvParser.parse("A=1\nA=2\n", "f.env")).containsExactly(entry("A", "2"));
  }

  @Test
  void aBrokenLineIsNamedByNumberWithoutItsText() {
    assertThatThrownBy(() -> DotEnvParser.parse("A=1\n# fine\nDB_PASSWORD canary-secret\n", "prod.env"))
        .isInstanceOf(CliException.class)
        .hasMessage("prod.env: line 3 is not KEY=VALUE")
        .message().doesNotContain("canary");
  }

  @Test
  void anUnclosedQuoteNamesTheLineItStartedOn() {
    assertThatThrownBy(() -> DotEnvParser.parse("A=1\nB=\"open\nstill open\n", "prod.env"))
        .hasMessage("prod.env: the value on line 2 has no closing \"");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThatThrownBy(() -> DotEnvParser.parse("A=1\nB='x' y\n", "prod.env"))
        .hasMessage("prod.env: line 2 has text after the closing quote");
  }
}
