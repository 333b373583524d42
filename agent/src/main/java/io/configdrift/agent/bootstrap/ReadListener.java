package io.configdrift.agent.bootstrap;

/**
 * Receives the configuration reads that {@link ConfigReadHook} sees. Implemented by the agent's
 * recorder, which lives outside the boot class path; this interface is the only type the two share.
 */
public interface ReadListener {
  int SOURCE_ENV = 0;
  int SOURCE_SYSPROP = 1;
  /** Logical reads in Spring; they arrive through {@link LogicalReadListener}, never through this interface. */
  int SOURCE_SPRING = 2;
  /** Logical reads in MicroProfile Config; they arrive through {@link LogicalReadListener}, never through this interface. */
  int SOURCE_MICROPROFILE = 3;

  /** A read of {@code key}; {@code value} is null when the key is not set. */
  void onRead(int source, String key, String value);

  /**
   * A read that a framework made while it resolved a logical read (Spring's environment source
   * reading {@code DATABASE_POOL_SIZE} for {@code database.pool-size}): the framework is its
   * caller, so none is looked for.
   */
  void onFrameworkRead(int source, String key, String value);

  /** The code offered {@code defaultValue} for {@code key} right after reading it. */
  void onDefault(int source, String key, String defaultValue);
}
