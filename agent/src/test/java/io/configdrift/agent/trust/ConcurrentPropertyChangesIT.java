package io.configdrift.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm;
import io.configdrift.agent.it.ReportFile;
import io.configdrift.protocol.Report;
import io.configdrift.testapp.PropertyChurnProgram;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 threads set, clear and read system properties at once, in every intercepted way: with the agent
 * no thread sees an exception or a value it should not, exactly as without it, and the agent counts
 * every read of the key they all share (no increment lost under contention).
 */
class ConcurrentPropertyChangesIT {
  private static final int THREADS = 64;
  private static final int ITERATIONS = 3_000;

  @TempDir Path temp;

  @Test
  void sixtyFourThreadsChangingPropertiesSeeWhatTheySeeWithoutTheAgent() throws Exception {
    Path reportFile = temp.resolve("report.json");
    ChildJvm.Result without = churn().run();
    ChildJvm.Result with = churn().withAgent("service=churn,environment=test,instance=i,interval=1,file=" + reportFile).run();

    assertThat(without.exitCode).as(without.toString()).isZero();
    assertThat(with.exitCode).as(with.toString()).isZero();
    assertThat(without.stdout).contains("broken checks=0", "exceptions=0");
    assertThat(with.stdout).as("the program's own checks with the agent").isEqualTo(without.stdout);
    assertThat(with.stderr).doesNotContain("Exception", "\tat ");

    Report report = ReportFile.read(reportFile);
    long sharedReads = (long) THREADS * ITERATIONS;
    assertThat(with.stdout).contains("shared reads=" + sharedReads);
    assertThat(ReportFile.get(report, "sysprop", "churn.shared").count).as("every read of the shared key counted")
        .isEqualTo(sharedReads);
    assertThat(ReportFile.get(report, "sysprop", "churn.shared").valueChanged).isTrue();
    assertThat(report.reads).filteredOn(read -> read.key.startsWith("churn.t")).hasSize(THREADS * 8);
  }

  private static ChildJvm churn() {
    return ChildJvm.on(ChildJvm.currentJavaHome())
        .main(PropertyChurnProgram.class, String.valueOf(THREADS), String.valueOf(ITERATIONS));
  }
}
