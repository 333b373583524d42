package io.configdrift.agent;

import io.configdrift.agent.bootstrap.ConfigReadHook;
import io.configdrift.agent.config.AgentConfig;
import io.configdrift.agent.config.AgentIdentity;
import io.configdrift.agent.config.AgentOption;
import io.configdrift.agent.frameworks.Frameworks;
import io.configdrift.agent.instrumentation.FrameworkReadTransformer;
import io.configdrift.agent.instrumentation.JdkReadTransformer;
import io.configdrift.agent.recorder.CoarseClock;
import io.configdrift.agent.recorder.ConfigRecorder;
import io.configdrift.agent.recorder.LogicalReadRecorder;
import io.configdrift.agent.report.AvailableInventory;
import io.configdrift.agent.report.ReportAssembler;
import io.configdrift.agent.shipping.ReportLoop;
import io.configdrift.protocol.Fingerprinter;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * Wires the agent together once the bootstrap classes are on the boot class path: settings,
 * recorder, the JDK rewrite, and the reporter thread. Everything slow (JSON, HTTP, the JVM's input
 * arguments, the host name) is left to the reporter thread.
 */
final class AgentStarter {
  private AgentStarter() {}

  static void start(String arguments, Instrumentation instrumentation) throws UnmodifiableClassException {
    AgentConfig config = AgentConfig.fromProcess(arguments);
    Fingerprinter fingerprinter = fingerprinter(config);
    int interval = config.intValue(AgentOption.INTERVAL, 1);
    int maxKeys = config.intValue(AgentOption.MAX_KEYS, 1);
    config.warnings().forEach(AgentLog::warn);

    Properties systemProperties = System.getProperties();
    AvailableInventory inventory = new AvailableInventory(systemProperties);
    CoarseClock clock = new CoarseClock();
    ConfigRecorder recorder = new ConfigRecorder(maxKeys, clock, Frameworks.PACKAGES);
    JdkReadTransformer transformer = new JdkReadTransformer();
    instrumentation.addTransformer(transformer, true);
    instrumentation.retransformClasses(JdkReadTransformer.targetClasses());
    ConfigReadHook.installLogical(new LogicalReadRecorder(recorder, Frameworks.inspectors()));
    new FrameworkReadTransformer().install(instrumentation);
    ConfigReadHook.install(recorder, systemProperties);

    // From here on the JDK records reads; what the agent itself still does on this thread is not the application's.
    ConfigReadHook.beginIgnore();
    try {
      Memo<AgentIdentity> identity = new Memo<>(() -> AgentIdentity.resolve(config));
      ReportAssembler assembler = new ReportAssembler(recorder, identity, fingerprinter,
          config.revealPolicy(), inventory, System::getenv, systemProperties, agentVersion(), Instant.now());
      ReportLoop loop = ReportLoop.create(assembler, config.get(AgentOption.FILE),
          config.get(AgentOption.COLLECTOR), config.get(AgentOption.TOKEN), interval * 1000L, clock::tick);
      if (loop.hasSinks()) {
        loop.start();
      } else {
        AgentLog.warn("neither file= nor collector= is set: reads are recorded but reported nowhere");
      }
    } finally {
      ConfigReadHook.endIgnore();
    }
  }

  private static Fingerprinter fingerprinter(AgentConfig config) {
    String keyFile = config.get(AgentOption.FINGERPRINT_KEY_FILE);
    String key = System.getenv(Fingerprinter.KEY_ENVIRONMENT_VARIABLE);
    if (keyFile != null) {
      try {
        key = Files.readString(Path.of(keyFile)).trim();
      } catch (IOException | RuntimeException e) {
        AgentLog.warn("cannot read the fingerprint key file " + keyFile + " (" + e.getClass().getSimpleName()
            + "); fingerprints fall back to plain SHA-256");
        key = null;
      }
    }
    Fingerprinter fingerprinter = Fingerprinter.withKey(key);
    if (!fingerprinter.isKeyed() && keyFile == null) {
      AgentLog.warn("no fingerprint key (set " + Fingerprinter.KEY_ENVIRONMENT_VARIABLE
          + "): fingerprints are plain SHA-256, which does not hide guessable values");
    }
    return fingerprinter;
  }

  private static String agentVersion() {
    String version = AgentStarter.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }
}
