package io.configdrift.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm;
import io.configdrift.agent.it.ReportFile;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.testapp.ManyKeysProgram;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that reads 1,000,000 distinct keys of about 100 characters (some 250 MB if all were
 * kept) runs in a 64 MB heap with the agent: the report holds exactly {@code maxKeys} reads, and
 * {@code dropped} counts every read of the keys beyond them.
 */
class ManyDistinctKeysIT {
  private static final int KEYS = 1_000_000;
  private static final int MAX_KEYS = 10_000;

  @TempDir Path temp;

  @Test
  void aMillionDistinctKeysKeepTheAgentWithinMaxKeysAndASmallHeap() throws Exception {
    Path reportFile = temp.resolve("report.json");
    ChildJvm.Result result = ChildJvm.on(ChildJvm.currentJavaHome())
        .jvmOption("-Xmx64m")
        .jvmOption("-XX:+UseSerialGC")
        .env("MANY_KEY_0" + "-".repeat(80), "set")
        .withAgent("service=many,environment=test,instance=i,interval=1,file=" + reportFile)
        .main(ManyKeysProgram.class, String.valueOf(KEYS), reportFile.toString())
        .run();

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.stderr).doesNotContain("OutOfMemoryError");
    assertThat(result.stdout).contains("reads=" + KEYS + " set=1");
    long heapMegabytes = Long.parseLong(result.stdout.replaceAll("(?s).*heap used after gc MB=(\\d+).*", "$1"));
    System.out.println("heap in use after GC with 1,000,000 keys read: " + heapMegabytes + " MB");
    assertThat(heapMegabytes).as("heap after GC, MB").isLessThan(32);

    Report report = ReportFile.read(reportFile);
    assertThat(report.reads).as("the report keeps maxKeys keys").hasSize(MAX_KEYS);
    long programKeysKept = report.reads.stream().filter(ManyDistinctKeysIT::isProgramKey).count();
    assertThat(report.reads).filteredOn(ManyDistinctKeysIT::isProgramKey)
        .allSatisfy(read -> assertThat(read.count).isEqualTo(1));
    assertThat(ReportFile.get(report, "env", ManyKeysProgram.envKey(0)).present).isTrue();
    System.out.println("kept " + programKeysKept + " of the program's keys, dropped " + report.dropped + " reads");
    assertThat(report.dropped).as("every read of a key beyond maxKeys is counted once")
        .isEqualTo(KEYS - programKeysKept);
  }

  private static boolean isProgramKey(ReadRecord read) {
    return read.key.startsWith("MANY_KEY_") || read.key.startsWith("many.key.");
  }
}
