package io.configdrift.collector.storage;

import io.configdrift.protocol.Report;
import java.util.Comparator;
import java.util.Objects;

/** What tells one instance from another; {@code region} in its column form (never null). */
record InstanceIdentity(String service, String environment, String region, String instance) {
  /** The order in which batches lock instance rows. */
  static final Comparator<InstanceIdentity> ORDER = Comparator.comparing(InstanceIdentity::service)
      .thenComparing(InstanceIdentity::environment).thenComparing(InstanceIdentity::region)
      .thenComparing(InstanceIdentity::instance);

  InstanceIdentity {
    Objects.requireNonNull(service, "a report needs a service");
    Objects.requireNonNull(environment, "a report needs an environment");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(instance, "a report needs an instance");
  }

  static InstanceIdentity of(Report report) {
    return new InstanceIdentity(report.service, report.environment, Columns.region(report.region), report.instance);
  }

  Object[] parameters() {
    return new Object[] {service, environment, region, instance};
  }
}
