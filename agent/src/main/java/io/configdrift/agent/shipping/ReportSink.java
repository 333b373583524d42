package io.configdrift.agent.shipping;

/** Somewhere a finished report goes: a file, a collector. */
interface ReportSink {
  /**
   * Delivers one report. Failures are the sink's to report (once per outage) and must not throw.
   *
   * @param json the report as JSON
   * @param finalReport true for the last report, sent at JVM exit under a time limit
   */
  void deliver(byte[] json, boolean finalReport);

  /** Whether the sink wants to deliver sooner than the next interval, e.g. to retry. */
  default long retryAtMillis() {
    return Long.MAX_VALUE;
  }
}
