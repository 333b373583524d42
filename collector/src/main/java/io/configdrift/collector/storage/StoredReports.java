package io.configdrift.collector.storage;

import io.configdrift.protocol.Report;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instances' stored reports, parsed: from {@link ParsedReports} where the stamp still matches,
 * else read from the database, a few hundred per query, and cached.
 */
final class StoredReports {
  /** The columns that change whenever the stored report does; see {@link ParsedReports.Stamp}. */
  static final String STAMP_COLUMNS = "content_hash, started_at, service_version, agent_version";
  private static final int IDS_PER_QUERY = 500;

  /** An instance's stored report, as far as a query that did not read it knows it. */
  record Ref(long instanceId, ParsedReports.Stamp stamp) {}

  private final ParsedReports parsed;

  StoredReports(ParsedReports parsed) {
    this.parsed = parsed;
  }

  /** The stamp in the {@link #STAMP_COLUMNS} of {@code row}, starting at column {@code first}. */
  static ParsedReports.Stamp stamp(ResultSet row, int first) throws SQLException {
    return new ParsedReports.Stamp(row.getString(first), row.getLong(first + 1), row.getString(first + 2),
        row.getString(first + 3));
  }

  /** The reports of {@code refs}, by instance id. */
  Map<Long, Report> load(Connection connection, List<Ref> refs) throws SQLException {
    Map<Long, Report> reports = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    for (Ref ref : refs) {
      Report report = parsed.get(ref.instanceId(), ref.stamp());
      if (report != null) {
        reports.put(ref.instanceId(), report);
      } else {
        missing.add(ref.instanceId());
      }
    }
    for (int from = 0; from < missing.size(); from += IDS_PER_QUERY) {
      List<Long> ids = missing.subList(from, Math.min(missing.size(), from + IDS_PER_QUERY));
      // The stamp is read with the blob, not taken from the caller's query: an ingest may have
      // replaced the report in between, and the cache must file each blob under its own stamp.
      Sql.list(connection,
          "SELECT id, latest_report, " + STAMP_COLUMNS + " FROM instance WHERE id IN ("
              + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
          row -> {
            long id = row.getLong(1);
            Report report = ReportStrings.share(ReportBlob.decompress(row.getBytes(2)));
            parsed.put(id, stamp(row, 3), report);
            reports.put(id, report);
            return id;
          },
          ids.toArray());
    }
    return reports;
  }
}
