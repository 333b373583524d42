package io.configdrift.collector.cli;

import io.configdrift.collector.engine.Matrix;
import io.configdrift.collector.engine.MatrixCell;
import io.configdrift.collector.engine.MatrixRow;
import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one running scope has for the keys of one source: from a report file (one instance) or
 * from a scope's column of the collector's matrix (the majority of its live instances).
 *
 * @param subject what was looked at, for the summary line
 * @param algorithm the fingerprint algorithm of the values; null where the collector does not say
 */
record LiveConfig(String subject, String algorithm, Map<String, LiveValue> keys) {
  /**
   * One key as the scope has it.
   *
   * @param read whether the code read it
   * @param present whether it is set
   * @param value the plain value, only where the agent revealed it
   * @param disagree whether the scope's instances hold different values (this is the majority's)
   */
  record LiveValue(String key, boolean read, boolean present, String value, String fingerprint,
      boolean defaultUsed, String defaultValue, boolean disagree) {}

  LiveConfig {
    keys = Map.copyOf(keys);
  }

  /** An instance's keys of {@code source}: those it read, and those set but never read. */
  static LiveConfig fromReport(String subject, Report report, String source) {
    Map<String, LiveValue> keys = new LinkedHashMap<>();
    for (ReadRecord read : report.reads) {
      if (source.equals(read.source)) {
        keys.put(read.key, new LiveValue(read.key, true, read.present, read.value, read.fingerprint,
            read.defaultUsed, read.defaultValue, false));
      }
    }
    for (AvailableRecord available : report.available) {
      if (source.equals(available.source)) {
        keys.putIfAbsent(available.key, new LiveValue(available.key, false, true, null, available.fingerprint,
            false, null, false));
      }
    }
    return new LiveConfig(subject, report.fingerprint == null ? null : report.fingerprint.algorithm, keys);
  }

  /** The keys of {@code source} in the matrix column {@code scope}. */
  static LiveConfig fromMatrix(String subject, Matrix matrix, String scope, String source) {
    Map<String, LiveValue> keys = new LinkedHashMap<>();
    for (MatrixRow row : matrix.rows()) {
      MatrixCell cell = row.cells().get(scope);
      if (cell != null && source.equals(row.source())) {
        keys.put(row.key(), new LiveValue(row.key(), cell.read(), cell.present(), cell.value(), cell.fingerprint(),
            cell.defaultUsed(), cell.defaultValue(), cell.disagree()));
      }
    }
    return new LiveConfig(subject, null, keys);
  }

  Collection<LiveValue> values() {
    return keys.values();
  }
}
