package io.configdrift.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm;
import io.configdrift.agent.it.ReportFile;
import io.configdrift.agent.trust.MisbehavingCollector.Failure;
import io.configdrift.testapp.LongRunningServiceProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever the collector does (down, silent, slow, 500, garbage, resetting, too busy to accept),
 * the service's JVM exits at most 2 s after its main method ends, with the exit report in its file.
 *
 * <p>The delay is measured from the program's last line to the end of the process, so JVM start-up
 * on a busy machine does not blur it. The service runs for two seconds with {@code interval=1}, so a
 * regular report is usually stuck in the misbehaving collector when the exit comes.
 */
class ExitNeverHeldUpIT {
  private static final long EXIT_BUDGET_MILLIS = 2_000;
  /** JVM teardown after the agent's exit hook, on a machine other builds share. */
  private static final long TEARDOWN_ALLOWANCE_MILLIS = 500;

  @TempDir Path temp;

  @ParameterizedTest(name = "collector {0}")
  @EnumSource(Failure.class)
  void exitWaitsAtMostTwoSecondsWhateverTheCollectorDoes(Failure failure) throws Exception {
    Path reportFile = temp.resolve("report-" + failure + ".json");
    try (MisbehavingCollector collector = MisbehavingCollector.start(failure)) {
      long exitDelay = exitDelayMillis(ChildJvm.on(ChildJvm.currentJavaHome())
          .withAgent("service=exit,environment=test,instance=i,interval=1,file=" + reportFile + ",collector=" + collector.url())
          .main(LongRunningServiceProgram.class, "2"), reportFile);
      System.out.println("exit delay with a collector " + failure + ": " + exitDelay + " ms");
      assertThat(exitDelay).as("ms from the end of main to the end of the JVM")
          .isLessThan(EXIT_BUDGET_MILLIS + TEARDOWN_ALLOWANCE_MILLIS);
    }
  }

  /**
   * Runs the program and returns the time between its "exiting" line and the end of its process;
   * checks that the exit report was written by then.
   */
  private long exitDelayMillis(ChildJvm program, Path reportFile) throws Exception {
    Path stdout = Files.createTempFile(temp, "out", ".txt");
    Path stderr = Files.createTempFile(temp, "err", ".txt");
    Process process = program.start(stdout, stderr);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(stdout, StandardCharsets.UTF_8).contains("exiting")) {
        assertThat(System.nanoTime()).as("the program ends its main within 60 s").isLessThan(deadline);
        assertThat(process.isAlive()).as("the program is still running: " + Files.readString(stderr)).isTrue();
        Thread.sleep(5);
      }
      long mainEnded = System.nanoTime();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      long exited = System.nanoTime();
      assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
      // Only a report made after main's last read has that key: the exit report (or, by a chance of
      // a few milliseconds in the interval's 1,000, a regular report in the moments before it).
      assertThat(ReportFile.read(reportFile).reads).as("the exit report was written")
          .anyMatch(read -> read.key.equals(LongRunningServiceProgram.LAST_KEY));
      return TimeUnit.NANOSECONDS.toMillis(exited - mainEnded);
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
