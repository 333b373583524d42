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
import java.util.function.Supplier;

/**
 * Wires the agent together once the agent jar is on the boot class path: settings, recorder, the
 * JDK rewrite, and the reporter thread. Everything slow (JSON, HTTP, the JVM's input arguments, the
 * host name) is left to the reporter thread. Public because {@link AgentMain} calls it from the
 * application class loader, whose package is not this one at run time.
 */
public final class AgentStarter {
  private AgentStarter() {}

  /** {@code attached}: started in a running JVM rather than before {@code main}. */
  public static void start(String arguments, Instrumentation instrumentation, boolean attached)
      throws UnmodifiableClassException {
    // Before the agent's own first getenv, which would load the class that the rewrite targets.
    if (!new JdkReadTransformer().install(instrumentation)) {
      AgentLog.warn("this JVM has no java.lang.ProcessEnvironment: environment variable reads are not recorded");
    }
    AgentConfig config = AgentConfig.fromProcess(arguments);
    int interval = config.intValue(AgentOption.INTERVAL, 1);
    int maxKeys = config.intValue(AgentOption.MAX_KEYS, 1);
    boolean watchUntilFound = config.choice(AgentOption.CLASS_WATCH, "untilFound", "always").equals("untilFound");
    for (String warning : config.warnings()) {
      AgentLog.warn(warning);
    }

    Properties systemProperties = System.getProperties();
    AvailableInventory inventory = new AvailableInventory(systemProperties);
    CoarseClock clock = new CoarseClock();
    ConfigRecorder recorder = new ConfigRecorder(maxKeys, clock);
    ConfigReadHook.installLogical(new LogicalReadRecorder(recorder, Frameworks.inspectors(), Frameworks.PACKAGES));
    new FrameworkReadTransformer().install(instrumentation, attached, watchUntilFound);
    ConfigReadHook.install(recorder, systemProperties);

    // From here on the JDK records reads; what the agent itself still does on this thread is not the application's.
    ConfigReadHook.beginIgnore();
    try {
      startReporter(config, recorder, inventory, systemProperties, clock, interval);
    } finally {
      ConfigReadHook.endIgnore();
    }
  }

  /** Starts the reporter thread; everything reporting needs is built at the first report. */
  private static void startReporter(AgentConfig config, ConfigRecorder recorder, AvailableInventory inventory,
      Properties systemProperties, CoarseClock clock, int interval) {
    String file = config.get(AgentOption.FILE);
    String collector = config.get(AgentOption.COLLECTOR);
    if (file == null && collector == null) {
      AgentLog.warn("neither file= nor collector= is set: reads are recorded but reported nowhere");
      return;
    }
    Instant startedAt = Instant.now();
    warnWithoutFingerprintKey(config);
    // Anonymous classes rather than lambdas here: see PerClass.
    Supplier<ReportAssembler> assembler = new Supplier<ReportAssembler>() {
      @Override
      public ReportAssembler get() {
        Memo<AgentIdentity> identity = new Memo<>(() -> AgentIdentity.resolve(config));
        return new ReportAssembler(recorder, identity, fingerprinter(config), config.revealPolicy(),
            inventory, System::getenv, systemProperties, agentVersion(), startedAt);
      }
    };
    Runnable everySecond = new Runnable() {
      @Override
      public void run() {
        clock.tick();
        recorder.resolveCallersWhenMany();
      }
    };
    ReportLoop.create(assembler, file, collector, config.get(AgentOption.TOKEN), interval * 1000L, everySecond).start();
  }

  /** Said at start, though the key itself is read only for the first report. */
  private static void warnWithoutFingerprintKey(AgentConfig config) {
    if (config.get(AgentOption.FINGERPRINT_KEY_FILE) == null
        && !Fingerprinter.isUsableKey(System.getenv(Fingerprinter.KEY_ENVIRONMENT_VARIABLE))) {
      AgentLog.warn("no fingerprint key (set " + Fingerprinter.KEY_ENVIRONMENT_VARIABLE
          + "): fingerprints are plain SHA-256, which does not hide guessable values");
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
    return Fingerprinter.withKey(key);
  }

  private static String agentVersion() {
    String version = AgentStarter.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }
}
