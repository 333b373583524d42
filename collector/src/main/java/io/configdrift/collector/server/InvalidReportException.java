package io.configdrift.collector.server;

/** A report the collector refuses, with the field at fault (JSON path, empty for the whole body). */
public final class InvalidReportException extends RuntimeException {
  private final String field;

  public InvalidReportException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
