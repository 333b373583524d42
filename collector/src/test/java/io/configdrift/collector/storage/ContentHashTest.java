package io.configdrift.collector.storage;

import static io.configdrift.collector.storage.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.protocol.CandidateRecord;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  private static Report base() {
    return report("checkout", "production", "eu-west-1", "pod-1")
        .read("POOL", "10").hiddenRead("PASSWORD", "x").unsetRead("FEATURE").available("PATH", "/bin").build();
  }

  @Test
  void ignoresWhatChangesWithEveryReport() {
    Report later = base();
    later.sequence = 42;
    later.generatedAt = "2030-01-01T00:00:00Z";
    later.serviceVersion = "9.9";
    later.dropped = 7;
    for (ReadRecord read : later.reads) {
      read.count = 1000;
      read.firstReadAt = "2030-01-01T00:00:00Z";
      read.lastReadAt = "2030-01-01T00:00:00Z";
      read.callers = List.of("somewhere.Else(Else.java:1)");
      read.valueChanged = true;
    }
    Collections.reverse(later.reads);
    Collections.reverse(later.available);

    assertThat(ContentHash.of(later)).isEqualTo(ContentHash.of(base()));
  }

  @Test
  void changesWithEveryConfigurationField() {
    String original = ContentHash.of(base());
    List<Consumer<Report>> changes = List.of(
        report -> report.reads.get(0).source = "sysprop",
        report -> report.reads.get(0).key = "POOL2",
        report -> report.reads.get(0).present = false,
        report -> report.reads.get(0).fingerprint = "other",
        report -> report.reads.get(0).value = "11",
        report -> report.reads.get(0).defaultUsed = true,
        report -> report.reads.get(0).defaultFingerprint = "default",
        report -> report.reads.get(0).defaultValue = "7",
        report -> report.reads.get(0).winningSource = "systemEnvironment",
        report -> report.reads.get(0).origin = "application.yml:3:7",
        report -> report.reads.get(0).winningOrdinal = 300,
        report -> report.reads.get(0).candidates = List.of(candidate("application.yml", "other")),
        report -> report.reads.remove(2),
        report -> report.available.get(0).fingerprint = "other",
        report -> report.available.clear());

    for (Consumer<Report> change : changes) {
      Report changed = base();
      change.accept(changed);
      assertThat(ContentHash.of(changed)).isNotEqualTo(original);
    }
  }

  @Test
  void changesWithEveryCandidateFieldAndTheirOrder() {
    Consumer<Report> withCandidates = report -> {
      CandidateRecord file = candidate("application.yml", "f1");
      file.value = "20";
      file.origin = "application.yml:3:7";
      file.ordinal = 100;
      report.reads.get(0).candidates = new java.util.ArrayList<>(List.of(file, candidate("defaults", "f2")));
    };
    Report reference = base();
    withCandidates.accept(reference);
    String original = ContentHash.of(reference);
    List<Consumer<Report>> changes = List.of(
        report -> report.reads.get(0).candidates.get(0).source = "application-production.yml",
        report -> report.reads.get(0).candidates.get(0).fingerprint = "other",
        report -> report.reads.get(0).candidates.get(0).value = "21",
        report -> report.reads.get(0).candidates.get(0).origin = "application.yml:4:7",
        report -> report.reads.get(0).candidates.get(0).ordinal = 101,
        report -> Collections.reverse(report.reads.get(0).candidates));

    for (Consumer<Report> change : changes) {
      Report changed = base();
      withCandidates.accept(changed);
      change.accept(changed);
      assertThat(ContentHash.of(changed)).isNotEqualTo(original);
    }
  }

  private static CandidateRecord candidate(String source, String fingerprint) {
    CandidateRecord candidate = new CandidateRecord();
    candidate.source = source;
    candidate.fingerprint = fingerprint;
    return candidate;
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    Report one = report("s", "e", "r", "i").read("AB", "C").build();
    Report other = report("s", "e", "r", "i").read("A", "BC").build();
    one.reads.get(0).value = "C";
    other.reads.get(0).value = "BC";
    one.reads.get(0).fingerprint = "f";
    other.reads.get(0).fingerprint = "f";

    assertThat(ContentHash.of(one)).isNotEqualTo(ContentHash.of(other));
  }
}
