package io.configdrift.collector.metrics;

import io.configdrift.collector.query.DriftQueries;
import io.configdrift.collector.query.ServiceOverview;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import java.util.Map;

/**
 * The collector's metrics through the OpenTelemetry API: a counter of reports received and a gauge
 * of findings by service and kind. Without an OpenTelemetry SDK or agent in the process both are
 * no-ops that cost nothing; docs/api.md says how to export them.
 */
public final class CollectorMetrics implements AutoCloseable {
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service");
  private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");

  private final LongCounter reports;
  private final ObservableLongGauge findings;

  public CollectorMetrics(DriftQueries queries) {
    Meter meter = GlobalOpenTelemetry.getMeter("io.configdrift.collector");
    reports = meter.counterBuilder("configdrift.reports.received")
        .setDescription("Reports received from agents and stored").setUnit("{report}").build();
    findings = meter.gaugeBuilder("configdrift.findings").ofLongs()
        .setDescription("Current drift findings among live instances").setUnit("{finding}")
        .buildWithCallback(measurement -> {
          for (ServiceOverview service : queries.services()) {
            for (Map.Entry<String, Integer> kind : service.findingsByKind().entrySet()) {
              measurement.record(kind.getValue(), Attributes.of(SERVICE, service.service(), KIND, kind.getKey()));
            }
          }
        });
  }

  public void reportReceived(String service) {
    reports.add(1, Attributes.of(SERVICE, service));
  }

  @Override
  public void close() {
    findings.close();
  }
}
