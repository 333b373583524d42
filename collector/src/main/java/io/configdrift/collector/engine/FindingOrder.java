package io.configdrift.collector.engine;

import java.util.Comparator;

/** The order findings are listed in: by kind, source and key, then by scopes and values, so that output is stable. */
final class FindingOrder {
  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<Side> SIDE = Comparator.nullsFirst(
      Comparator.comparing(Side::scope, TEXT).thenComparing(Side::fingerprint, TEXT));

  static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::kind)
      .thenComparing(Finding::source, TEXT)
      .thenComparing(Finding::key, TEXT)
      .thenComparing(Finding::a, SIDE)
      .thenComparing(Finding::b, SIDE)
      .thenComparing(Finding::message, TEXT);

  private FindingOrder() {}
}
