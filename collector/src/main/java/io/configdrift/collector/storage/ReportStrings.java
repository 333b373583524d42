package io.configdrift.collector.storage;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;

/**
 * Makes the reports that queries read share one copy of each source, key, fingerprint and algorithm
 * name. Each report is parsed on its own, so 100 instances reading {@code DB_URL} would hold 100
 * equal strings; shared, the engine's look-ups by key and comparisons by fingerprint find equal
 * references instead of comparing text, and the cache of parsed reports holds less. The JVM's
 * string table does the sharing; it lets go of a string once no cached report holds it.
 */
final class ReportStrings {
  private ReportStrings() {}

  static Report share(Report report) {
    if (report.fingerprint != null) {
      report.fingerprint.algorithm = shared(report.fingerprint.algorithm);
    }
    for (ReadRecord read : report.reads) {
      read.source = shared(read.source);
      read.key = shared(read.key);
      read.fingerprint = shared(read.fingerprint);
    }
    for (AvailableRecord available : report.available) {
      available.source = shared(available.source);
      available.key = shared(available.key);
      available.fingerprint = shared(available.fingerprint);
    }
    return report;
  }

  private static String shared(String text) {
    return text == null ? null : text.intern();
  }
}
