package io.configdrift.agent.frameworks;

import io.configdrift.agent.bootstrap.LogicalReadListener;
import io.configdrift.agent.frameworks.smallrye.SmallRyeConfigInspector;
import io.configdrift.agent.frameworks.spring.BootBinderInspector;
import io.configdrift.agent.frameworks.spring.SpringResolverInspector;
import io.configdrift.agent.recorder.LogicalReadInspector;
import java.util.List;

/**
 * The frameworks whose logical reads the agent records. Creating the inspectors loads no framework
 * class: they find a framework's types only when its hooked classes call them.
 */
public final class Frameworks {
  /** Packages that are never the caller of a framework-level read: the frameworks', and this support's. */
  public static final List<String> PACKAGES = List.of(
      "org.springframework.", "io.smallrye.config.", "org.eclipse.microprofile.config.", "io.configdrift.agent.frameworks.");

  private Frameworks() {}

  /** One inspector per {@link LogicalReadListener} hook point. */
  public static LogicalReadInspector[] inspectors() {
    LogicalReadInspector[] inspectors = new LogicalReadInspector[LogicalReadListener.SMALLRYE_CONFIG + 1];
    SpringResolverInspector resolvers = new SpringResolverInspector();
    inspectors[LogicalReadListener.SPRING_RESOLVER] = resolvers;
    inspectors[LogicalReadListener.BOOT_RESOLVER] = resolvers;
    inspectors[LogicalReadListener.BOOT_BINDER] = new BootBinderInspector();
    inspectors[LogicalReadListener.SMALLRYE_CONFIG] = new SmallRyeConfigInspector();
    return inspectors;
  }
}
