package io.configdrift.collector.storage;

import io.configdrift.collector.engine.Scope;
import io.configdrift.protocol.Report;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the collector knows of instances. Results are sorted here rather than by the database, so
 * that the order is the same whatever the database's collation.
 */
final class InstanceQueries {

  private static final Comparator<InstanceRecord> INSTANCE_ORDER = Comparator
      .comparing(InstanceRecord::environment)
      .thenComparing(InstanceRecord::region, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(InstanceRecord::instance);

  private final StoredReports storedReports;

  InstanceQueries(StoredReports storedReports) {
    this.storedReports = storedReports;
  }

  List<ServiceSummary> services(Connection connection) throws SQLException {
    return Sql.list(connection, "SELECT service, COUNT(*), MAX(last_seen) FROM instance GROUP BY service",
            row -> new ServiceSummary(row.getString(1), row.getInt(2), Columns.instant(row.getLong(3))))
        .stream().sorted(Comparator.comparing(ServiceSummary::service)).toList();
  }

  List<InstanceRecord> instances(Connection connection, String service) throws SQLException {
    return Sql.list(connection,
            "SELECT environment, region, instance, service_version, agent_version, first_seen, last_seen, sequence"
                + " FROM instance WHERE service = ?",
            row -> new InstanceRecord(service, row.getString(1), Columns.regionOrNull(row.getString(2)),
                row.getString(3), row.getString(4), row.getString(5), Columns.instant(row.getLong(6)),
                Columns.instant(row.getLong(7)), row.getLong(8)),
            service)
        .stream().sorted(INSTANCE_ORDER).toList();
  }

  List<Scope> scopes(Connection connection, String service, Instant liveSince) throws SQLException {
    return Sql.list(connection,
            "SELECT DISTINCT environment, region FROM instance WHERE service = ? AND last_seen >= ?",
            row -> new Scope(row.getString(1), Columns.regionOrNull(row.getString(2))),
            service, Columns.millis(liveSince))
        .stream().sorted().toList();
  }

  /**
   * The latest report of every instance of the service in the scope seen since {@code liveSince}.
   * Reads the small columns first and unzips only the reports not already parsed.
   */
  List<Report> latestReports(Connection connection, String service, Scope scope, Instant liveSince)
      throws SQLException {
    ScopeFilter filter = ScopeFilter.of(service, scope);
    List<LiveInstance> live = Sql.list(connection,
        "SELECT " + LiveInstance.COLUMNS + " FROM instance WHERE " + filter.sql() + " AND last_seen >= ?",
        LiveInstance::of, filter.parametersAnd(Columns.millis(liveSince)));
    Map<Long, Report> reports = storedReports.load(connection, live.stream().map(LiveInstance::ref).toList());
    return live.stream().sorted(LiveInstance.ORDER).map(instance -> reports.get(instance.id())).toList();
  }
}
