package io.configdrift.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.testapp.LongRunningProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar configdrift-agent.jar attach <pid>} loads the agent into a JVM that is already running. */
class AttachIT {
  @TempDir Path temp;

  @Test
  void attachesToARunningJvmWhichThenReportsItsReads() throws Exception {
    Path stop = temp.resolve("stop");
    Path report = temp.resolve("report.json");
    Process target = ChildJvm.on(ChildJvm.currentJavaHome()).env("DB_TIMEOUT", "45s")
        .main(LongRunningProgram.class, stop.toString())
        .start(temp.resolve("target.out"), temp.resolve("target.err"));
    try {
      FileText.awaitContaining(temp.resolve("target.out"), "running");
      String pid = String.valueOf(target.pid());

      List<String> listed = attach("--list");
      assertThat(String.join("\n", listed)).contains(pid);
      assertThat(attach(pid, "service=attached,environment=staging,interval=1,file=" + report))
          .contains("configdrift agent attached to " + pid);

      FileText.awaitContaining(report, "DB_TIMEOUT");
      assertThat(ReportFile.get(ReportFile.read(report), "env", "DB_TIMEOUT").value).isEqualTo("45s");
    } finally {
      Files.createFile(stop);
      if (!target.waitFor(30, TimeUnit.SECONDS)) {
        target.destroyForcibly();
      }
    }
    assertThat(target.exitValue()).isZero();
  }

  @Test
  void aBadPidIsOneLineAndExitCode2() throws Exception {
    Process attach = attachProcess("not-a-pid");
    assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(attach.exitValue()).isEqualTo(2);
    String err = new String(attach.getErrorStream().readAllBytes());
    assertThat(err).startsWith("configdrift: attach needs a process id").doesNotContain("\tat ");
  }

  private List<String> attach(String... arguments) throws Exception {
    Process attach = attachProcess(arguments);
    List<String> lines = new ArrayList<>(List.of(new String(attach.getInputStream().readAllBytes()).split("\n")));
    assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(attach.exitValue()).as(String.join("\n", lines) + new String(attach.getErrorStream().readAllBytes())).isZero();
    return lines;
  }

  private static Process attachProcess(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(ChildJvm.currentJavaHome().resolve("bin/java").toString(),
        "-jar", ChildJvm.agentJar().toString(), "attach"));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).start();
  }
}
