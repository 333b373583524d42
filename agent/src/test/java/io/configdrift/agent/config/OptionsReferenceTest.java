package io.configdrift.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/agent-configuration.md lists exactly the options the code knows. */
class OptionsReferenceTest {
  private static final String BEGIN = "<!-- options:begin (generated from AgentOption; run OptionsReferenceTest with -Dupdate.docs=true) -->\n";
  private static final String END = "<!-- options:end -->";

  @Test
  void theDocumentedOptionsTableMatchesTheCode() throws Exception {
    Path doc = Path.of("../docs/agent-configuration.md");
    String text = Files.readString(doc);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("markers in " + doc).isNotNegative();
    String expected = OptionsReference.markdownTable();
    if (Boolean.getBoolean("update.docs")) {
      Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + expected + text.substring(end));
      return;
    }
    assertThat(text.substring(begin + BEGIN.length(), end)).isEqualTo(expected);
  }
}
