package io.configdrift.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm.AttachForm;
import io.configdrift.testapp.ConfigReadingProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Why docs/agent-configuration.md offers {@code -agentlib:instrument=<agent jar>} beside
 * {@code -javaagent}: -javaagent also adds java.instrument to the root modules, and the JVM then
 * builds its module graph at start instead of mapping it from the CDS archive (on JDK 17 the two
 * forms were 19-33 ms apart in the Spring Boot application's start-up; docs/benchmarks.md). What the
 * agent records in either form is checked by {@link AgentRecordsReadsIT}.
 */
class AttachFormModuleGraphIT {
  @TempDir Path temp;

  @ParameterizedTest(name = "JDK {0}")
  @MethodSource("io.configdrift.agent.it.ChildJvm#testedJdks")
  void onlyTheAgentLibraryFormKeepsTheArchivedModuleGraph(String jdk) throws Exception {
    Path javaHome = ChildJvm.javaHome(jdk);
    assertThat(cdsLog(ChildJvm.on(javaHome), "none")).as("the JDK maps its module graph without an agent")
        .contains("full module graph: enabled");
    assertThat(cdsLog(ChildJvm.on(javaHome).withAgent(AttachForm.AGENTLIB, reportOption()), "agentlib"))
        .contains("full module graph: enabled");
    assertThat(cdsLog(ChildJvm.on(javaHome).withAgent(AttachForm.JAVAAGENT, reportOption()), "javaagent"))
        .contains("full module graph: disabled");
  }

  private String reportOption() {
    return "file=" + temp.resolve("report.json");
  }

  private String cdsLog(ChildJvm jvm, String name) throws Exception {
    Path log = temp.resolve(name + "-cds.log");
    ChildJvm.Result result = jvm.jvmOption("-Xlog:cds=info:file=" + log)
        .main(ConfigReadingProgram.class, "1", "1")
        .run();
    assertThat(result.exitCode).as(result.toString()).isZero();
    return Files.readString(log);
  }
}
