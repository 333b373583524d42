package io.configdrift.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.testapp.ConfigReadingProgram;
import io.configdrift.testapp.Greeter;
import io.configdrift.testapp.OtherByteBuddyAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent never stops, changes or holds up the application, whatever goes wrong around it. */
class AgentResilienceIT {
  @TempDir Path temp;

  private ChildJvm program() {
    return ChildJvm.on(ChildJvm.currentJavaHome()).env("DB_TIMEOUT", "10s").main(ConfigReadingProgram.class, "2", "10");
  }

  @Test
  void badAgentConfigurationGivesOneLineEachAndTheProgramRunsOn() throws Exception {
    ChildJvm.Result without = program().run();
    ChildJvm.Result with = program()
        .withAgent("servcie=typo,file=/proc/no-such-dir/report.json,fingerprintKeyFile=/no/such/key,interval=1")
        .run();
    assertThat(with.exitCode).as(with.toString()).isZero();
    assertThat(with.stdout).isEqualTo(without.stdout);
    List<String> lines = with.agentLines();
    assertThat(lines).filteredOn(l -> l.contains("unknown agent option 'servcie'")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.contains("cannot read the fingerprint key file /no/such/key")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.contains("cannot write the report file")).hasSize(1);
    assertThat(with.stderr).doesNotContain("Exception in thread", "\tat ");
  }

  @Test
  void worksBesideAnotherByteBuddyAgent() throws Exception {
    Path otherAgent = agentJarFor(OtherByteBuddyAgent.class);
    Path report = temp.resolve("report.json");
    ChildJvm.Result result = ChildJvm.on(ChildJvm.currentJavaHome())
        .env("GREETING_NAME", "world")
        .classPath(ChildJvm.testClasses())
        .classPath(jarOf(ByteBuddy.class))
        .jvmOption("-javaagent:" + otherAgent)
        .withAgent("service=greeter,file=" + report)
        .main(Greeter.class)
        .run();
    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.stdout.trim()).isEqualTo("hello world (instrumented)");
    assertThat(ReportFile.get(ReportFile.read(report), "env", "GREETING_NAME").present).isTrue();
  }

  @Test
  void aCollectorThatNeverAnswersDelaysExitByAtMostTheExitBudget() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException closed) {
          // The test is over.
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      Path report = temp.resolve("report.json");
      ChildJvm.Result baseline = program().withAgent("file=" + report).run();
      ChildJvm.Result stuck = program()
          .withAgent("file=" + report + ",collector=http://127.0.0.1:" + silent.getLocalPort())
          .run();
      assertThat(stuck.exitCode).isZero();
      assertThat(stuck.stdout).isEqualTo(baseline.stdout);
      // Unbounded, the exit would wait for the HTTP client's 10 s read timeout; the budget is 2 s.
      // 1.5 s more absorbs the start-up jitter of two JVMs on a busy 2-core machine.
      assertThat(stuck.took.minus(baseline.took).toMillis())
          .as("exit waits for the final report at most the 2 s exit budget")
          .isLessThan(2_000 + 1_500);
      assertThat(ReportFile.read(report).service).isNotNull();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void aCollectorThatAnswersGarbageIsReportedOnceAndChangesNothing() throws Exception {
    try (ServerSocket garbage = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        try {
          while (true) {
            try (Socket socket = garbage.accept(); OutputStream out = socket.getOutputStream()) {
              out.write("HTTP/1.1 500 Oops\r\nContent-Length: 3\r\n\r\n\u0000\u0001\u0002".getBytes());
            }
          }
        } catch (IOException closed) {
          // The test is over.
        }
      });
      server.setDaemon(true);
      server.start();
      ChildJvm.Result without = program().run();
      ChildJvm.Result with = program()
          .withAgent("interval=1,collector=http://127.0.0.1:" + garbage.getLocalPort())
          .run();
      assertThat(with.exitCode).isZero();
      assertThat(with.stdout).isEqualTo(without.stdout);
      assertThat(with.agentLines()).filteredOn(l -> l.contains("cannot deliver reports")).hasSize(1)
          .allSatisfy(l -> assertThat(l).contains("HTTP 500"));
    }
  }

  private Path agentJarFor(Class<?> premainClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", premainClass.getName());
    manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
    Path jar = temp.resolve("other-agent.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return jar;
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
