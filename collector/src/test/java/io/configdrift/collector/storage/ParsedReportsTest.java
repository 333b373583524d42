package io.configdrift.collector.storage;

import static io.configdrift.collector.storage.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.protocol.Report;
import org.junit.jupiter.api.Test;

class ParsedReportsTest {
  private static final ParsedReports.Stamp STAMP = new ParsedReports.Stamp("hash", 1L, "1.0.0", "0.1.0");

  @Test
  void givesAReportBackOnlyUnderTheStampItWasFiledWith() {
    ParsedReports cache = new ParsedReports(100);
    Report report = twoReads("pod-1");
    cache.put(1, STAMP, report);

    assertThat(cache.get(1, STAMP)).isSameAs(report);
    assertThat(cache.get(1, new ParsedReports.Stamp("other-hash", 1L, "1.0.0", "0.1.0"))).isNull();
    assertThat(cache.get(1, new ParsedReports.Stamp("hash", 2L, "1.0.0", "0.1.0"))).isNull();
    assertThat(cache.get(2, STAMP)).isNull();
  }

  @Test
  void dropsTheLeastRecentlyUsedReportsBeyondItsEntries() {
    // Each report weighs its two reads plus one: three reports fit in nine entries, a fourth does not.
    ParsedReports cache = new ParsedReports(9);
    cache.put(1, STAMP, twoReads("pod-1"));
    cache.put(2, STAMP, twoReads("pod-2"));
    cache.put(3, STAMP, twoReads("pod-3"));
    cache.get(1, STAMP);

    cache.put(4, STAMP, twoReads("pod-4"));

    assertThat(cache.get(2, STAMP)).isNull();
    assertThat(cache.get(1, STAMP)).isNotNull();
    assertThat(cache.get(3, STAMP)).isNotNull();
    assertThat(cache.get(4, STAMP)).isNotNull();
  }

  @Test
  void neverKeepsAReportLargerThanTheWholeCache() {
    ParsedReports cache = new ParsedReports(2);
    cache.put(1, STAMP, twoReads("pod-1"));

    assertThat(cache.get(1, STAMP)).isNull();
  }

  private static Report twoReads(String instance) {
    return report("checkout", "production", "eu-west-1", instance).read("A", "1").read("B", "2").build();
  }
}
