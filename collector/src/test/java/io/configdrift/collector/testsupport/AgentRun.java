package io.configdrift.collector.testsupport;

import io.configdrift.agent.it.ChildJvm;
import io.configdrift.testapp.ConfigReadingProgram;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of a service: the agent's test program in a child JVM with the real agent,
 * reporting to a collector. It reads DB_TIMEOUT, INVENTORY_SERVICE_URL and the other keys of
 * {@link ConfigReadingProgram}.
 */
public final class AgentRun {
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final String identity;

  private AgentRun(String identity) {
    this.identity = identity;
  }

  /** An instance named {@code instance} of {@code service} in {@code environment} and {@code region}. */
  public static AgentRun of(String service, String environment, String region, String instance) {
    return new AgentRun("service=" + service + ",environment=" + environment
        + (region == null ? "" : ",region=" + region) + ",instance=" + instance);
  }

  public AgentRun env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Runs the program to its end; its agent sends a report at exit (and every second before). */
  public ChildJvm.Result reportTo(String collectorUrl, String token) throws Exception {
    ChildJvm jvm = ChildJvm.on(ChildJvm.currentJavaHome()).classPath(testProgramJar());
    environment.forEach(jvm::env);
    return jvm.withAgent(identity + ",interval=1,collector=" + collectorUrl + (token == null ? "" : ",token=" + token))
        .main(ConfigReadingProgram.class, "2", "10")
        .run();
  }

  private static Path testProgramJar() throws URISyntaxException {
    return Path.of(ConfigReadingProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
