package io.configdrift.collector.engine;

import java.util.List;

/**
 * Every key of a service down, every scope across: the table the UI draws.
 *
 * @param service the service
 * @param scopes the scopes, in the order asked for
 * @param rows one row per (source, key) any scope reads or sets, sorted by source and key
 */
public record Matrix(String service, List<String> scopes, List<MatrixRow> rows) {
  public Matrix {
    scopes = List.copyOf(scopes);
    rows = List.copyOf(rows);
  }
}
