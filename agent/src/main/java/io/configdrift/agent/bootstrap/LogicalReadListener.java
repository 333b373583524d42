package io.configdrift.agent.bootstrap;

/**
 * Receives the framework-level (logical) configuration reads that {@link ConfigReadHook} sees:
 * a framework's own lookup of a key, as {@code @Value} or {@code Environment.getProperty} do. The
 * framework objects arrive untyped; the agent's recorder inspects them by reflection, so nothing on
 * the boot class path knows any framework.
 */
public interface LogicalReadListener {
  /** Spring's {@code PropertySourcesPropertyResolver.getProperty(String, Class, boolean)}. */
  int SPRING_RESOLVER = 0;
  /** Spring Boot's {@code ConfigurationPropertySourcesPropertyResolver.getProperty(String, Class, boolean)}. */
  int BOOT_RESOLVER = 1;
  /** Spring Boot's {@code Binder.findProperty(ConfigurationPropertyName, Bindable, Context)}. */
  int BOOT_BINDER = 2;
  /** SmallRye Config's {@code SmallRyeConfig.getConfigValue(String)}. */
  int SMALLRYE_CONFIG = 3;

  /**
   * {@code owner} (the resolver, binder or config) looked up {@code key} and returned
   * {@code result}; {@code detail} is what else the hook point passes (the binder's target), or null.
   */
  void onLogicalRead(int hookPoint, Object owner, Object key, Object result, Object detail);
}
