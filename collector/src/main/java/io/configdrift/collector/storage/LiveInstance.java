package io.configdrift.collector.storage;

import io.configdrift.collector.engine.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;

/** A live instance as snapshot queries read it: where it runs, and what identifies its stored report. */
record LiveInstance(long id, String service, String environment, String regionColumn, String instance,
    ParsedReports.Stamp stamp) {
  /** The columns {@link #of} reads, in its order. */
  static final String COLUMNS = "id, service, environment, region, instance, " + StoredReports.STAMP_COLUMNS;
  /** The order of a snapshot's reports: by region, then instance. */
  static final Comparator<LiveInstance> ORDER =
      Comparator.comparing(LiveInstance::regionColumn).thenComparing(LiveInstance::instance);

  static LiveInstance of(ResultSet row) throws SQLException {
    return new LiveInstance(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
        StoredReports.stamp(row, 6));
  }

  /** The scope of the instance's own environment and region. */
  Scope scope() {
    return new Scope(environment, Columns.regionOrNull(regionColumn));
  }

  boolean isIn(Scope scope) {
    return scope.contains(environment, Columns.regionOrNull(regionColumn));
  }

  StoredReports.Ref ref() {
    return new StoredReports.Ref(id, stamp);
  }
}
