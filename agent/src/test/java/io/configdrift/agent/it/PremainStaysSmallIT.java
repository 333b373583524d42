package io.configdrift.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.testapp.ConfigReadingProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code premain} does before the application's {@code main}, read from the JVM's own class
 * loading and redefinition logs: the start-up work docs/design.md promises to leave out stays out.
 * JSON, HTTP and Kotlin load only for the first report; no lambda of the agent is linked (each
 * costs a generated class); ASM is not loaded, the hooks being spliced into the class files; and of
 * the JDK only the small classes are rewritten, never {@code java.lang.System}.
 */
class PremainStaysSmallIT {
  @TempDir Path temp;

  @Test
  void onTheDefaultJdk() throws Exception {
    loadsOnlyWhatTheFirstReadsNeedBeforeMain(ChildJvm.currentJavaHome());
  }

  @Test
  void onJdk25() throws Exception {
    loadsOnlyWhatTheFirstReadsNeedBeforeMain(ChildJvm.jdk25Home());
  }

  private void loadsOnlyWhatTheFirstReadsNeedBeforeMain(Path javaHome) throws Exception {
    Path classLog = temp.resolve("classes.log");
    Path redefineLog = temp.resolve("redefined.log");
    Path report = temp.resolve("report.json");
    ChildJvm.Result result = ChildJvm.on(javaHome)
        .jvmOption(ClassLoadLog.option(classLog))
        .jvmOption("-Xlog:redefine+class+load=info:file=" + redefineLog)
        .withAgent("service=premain,file=" + report)
        .main(ConfigReadingProgram.class, "1", "1")
        .run();
    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(report).as("the agent ran and reported at exit").exists();

    List<String> beforeMain = classesLoadedBefore(classLog, ConfigReadingProgram.class.getName());
    assertThat(beforeMain).as("the agent started before main").anyMatch(name -> name.startsWith("io.configdrift.agent."));
    assertThat(beforeMain).as("reporting support loaded before main")
        .noneMatch(name -> name.startsWith("io.configdrift.agent.shaded.jackson.")
            || name.startsWith("io.configdrift.agent.shaded.okhttp3.")
            || name.startsWith("io.configdrift.agent.shaded.kotlin."));
    assertThat(beforeMain).as("lambdas of the agent linked before main")
        .noneMatch(name -> name.startsWith("io.configdrift.agent.") && name.contains("$$Lambda"));
    assertThat(beforeMain).as("ASM loaded before main: the splicer declined a JDK class")
        .noneMatch(name -> name.startsWith(ClassLoadLog.AGENT_ASM));

    List<String> redefined = new ArrayList<>();
    for (String line : Files.readAllLines(redefineLog)) {
      int at = line.indexOf("redefined name=");
      if (at >= 0) {
        redefined.add(line.substring(at + "redefined name=".length(), line.indexOf(',', at)));
      }
    }
    assertThat(redefined).as("JDK classes retransformed")
        .contains("java.util.Properties")
        .doesNotContain("java.lang.System");
  }

  /** Class names from a {@code -Xlog:class+load} file, up to the given class. */
  private static List<String> classesLoadedBefore(Path log, String className) throws Exception {
    List<String> names = ClassLoadLog.classNames(log);
    int index = names.indexOf(className);
    if (index < 0) {
      throw new AssertionError(className + " never loaded: " + log);
    }
    return names.subList(0, index);
  }
}
