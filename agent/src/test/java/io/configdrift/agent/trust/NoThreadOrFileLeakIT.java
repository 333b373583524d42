package io.configdrift.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm;
import io.configdrift.agent.it.ReportFile;
import io.configdrift.testapp.LongRunningServiceProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that writes its report file every second and fails to reach its collector every second
 * keeps the service's thread count and open file descriptors flat: one agent thread throughout, and
 * no more threads or descriptors at the end than after the first reports.
 */
class NoThreadOrFileLeakIT {
  private static final int SECONDS = 12;
  private static final Pattern SAMPLE = Pattern.compile("sample (\\d+) threads=(\\d+) agentThreads=(\\d+) fds=(\\d+)");

  @TempDir Path temp;

  record Sample(int second, int threads, int agentThreads, int fileDescriptors) {}

  @Test
  void reportingEverySecondToAFileAndAnUnreachableCollectorLeaksNothing() throws Exception {
    Path reportFile = temp.resolve("report.json");
    try (MisbehavingCollector down = MisbehavingCollector.start(MisbehavingCollector.Failure.DOWN)) {
      ChildJvm.Result result = ChildJvm.on(ChildJvm.currentJavaHome())
          .withAgent("service=leak,environment=test,instance=i,interval=1,file=" + reportFile + ",collector=" + down.url())
          .main(LongRunningServiceProgram.class, String.valueOf(SECONDS))
          .run();
      assertThat(result.exitCode).as(result.toString()).isZero();
      List<Sample> samples = samples(result.stdout);
      System.out.println("threads/agent threads/fds per second: " + samples.stream()
          .map(s -> s.threads() + "/" + s.agentThreads() + "/" + s.fileDescriptors()).collect(Collectors.joining(" ")));
      assertThat(samples).hasSize(SECONDS);
      assertThat(samples).as("one agent thread, the reporter").allSatisfy(s -> assertThat(s.agentThreads()).isEqualTo(1));

      // After three seconds the agent has written reports and failed deliveries; from there on nothing may grow.
      Sample settled = samples.get(3);
      List<Sample> lastThree = samples.subList(SECONDS - 3, SECONDS);
      assertThat(lastThree).allSatisfy(s -> {
        assertThat(s.threads()).as("threads at second %d", s.second()).isLessThanOrEqualTo(settled.threads() + 1);
        assertThat(s.fileDescriptors()).as("file descriptors at second %d", s.second())
            .isLessThanOrEqualTo(settled.fileDescriptors() + 1);
      });
      assertThat(ReportFile.read(reportFile).sequence).as("reports written").isGreaterThanOrEqualTo(SECONDS - 2);
      assertThat(result.agentLines()).filteredOn(line -> line.contains("cannot deliver reports")).hasSize(1);
    }
  }

  private static List<Sample> samples(String stdout) {
    List<Sample> samples = new ArrayList<>();
    Matcher matcher = SAMPLE.matcher(stdout);
    while (matcher.find()) {
      samples.add(new Sample(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))));
    }
    return samples;
  }
}
