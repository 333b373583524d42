package io.configdrift.collector.storage;

import io.configdrift.collector.engine.Scope;

/** The WHERE condition that limits a query on a table with service, environment and region columns to a scope. */
record ScopeFilter(String sql, Object[] parameters) {
  static ScopeFilter of(String service, Scope scope) {
    return scope.region() == null
        ? new ScopeFilter("service = ? AND environment = ?", new Object[] {service, scope.environment()})
        : new ScopeFilter("service = ? AND environment = ? AND region = ?",
            new Object[] {service, scope.environment(), scope.region()});
  }

  /** The filter's parameters followed by {@code more}. */
  Object[] parametersAnd(Object... more) {
    Object[] all = new Object[parameters.length + more.length];
    System.arraycopy(parameters, 0, all, 0, parameters.length);
    System.arraycopy(more, 0, all, parameters.length, more.length);
    return all;
  }
}
