package io.configdrift.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Entry point of the agent jar. It only puts the bootstrap classes on the boot class path and hands
 * over to {@link AgentStarter}; it must not touch any bootstrap class itself, or the JVM would load
 * that class from the agent jar before the boot class path has it.
 */
public final class AgentMain {
  private static final String BOOTSTRAP_JAR = "/configdrift-bootstrap.jar";
  private static volatile boolean started;

  private AgentMain() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation);
  }

  /** Called when the agent is attached to a running JVM ({@code configdrift-agent.jar attach <pid>}). */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation);
  }

  /** {@code java -jar configdrift-agent.jar attach <pid>|--list}. */
  public static void main(String[] arguments) {
    System.exit(AttachCommand.run(arguments, System.out, System.err));
  }

  private static synchronized void start(String arguments, Instrumentation instrumentation) {
    if (started) {
      AgentLog.warn("the agent is already running in this JVM; the second start was ignored");
      return;
    }
    try {
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(extractBootstrapJar()));
      AgentStarter.start(arguments, instrumentation);
      started = true;
    } catch (Throwable t) {
      // Whatever went wrong, the application runs on without the agent.
      AgentLog.warn("the agent could not start and records nothing: " + t);
    }
  }

  private static File extractBootstrapJar() throws IOException {
    File jar = File.createTempFile("configdrift-bootstrap", ".jar");
    jar.deleteOnExit();
    try (InputStream in = AgentMain.class.getResourceAsStream(BOOTSTRAP_JAR)) {
      if (in == null) {
        throw new IOException(BOOTSTRAP_JAR + " is missing from the agent jar");
      }
      Files.copy(in, jar.toPath(), StandardCopyOption.REPLACE_EXISTING);
    }
    return jar;
  }
}
