package io.configdrift.agent;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.util.jar.JarFile;

/**
 * Entry point of the agent jar. It only appends the agent jar itself to the boot class path and
 * hands over to {@link AgentStarter}.
 *
 * <p>JDK classes such as {@code java.util.Properties} can only call classes on the boot class path,
 * so the hooks of {@code agent.bootstrap} must be there; the rest of the agent follows because the
 * boot class loader reads a class straight from the jar in native code and does not verify it,
 * which roughly halves {@code premain} (docs/design.md, "Bootstrap injection"). This class is the
 * only one the application class loader loads from the jar; it must not touch any other before the
 * jar is appended, or that class would load a second time, in the other loader.
 */
public final class AgentMain {
  private static volatile boolean started;

  private AgentMain() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false);
  }

  /** Called when the agent is attached to a running JVM ({@code configdrift-agent.jar attach <pid>}). */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, true);
  }

  /** {@code java -jar configdrift-agent.jar attach <pid>|--list}. */
  public static void main(String[] arguments) {
    System.exit(AttachCommand.run(arguments, System.out, System.err));
  }

  private static synchronized void start(String arguments, Instrumentation instrumentation, boolean attached) {
    if (started) {
      AgentLog.warn("the agent is already running in this JVM; the second start was ignored");
      return;
    }
    try {
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar()));
      AgentStarter.start(arguments, instrumentation, attached);
      started = true;
    } catch (Throwable t) {
      // Whatever went wrong, the application runs on without the agent.
      AgentLog.warn("the agent could not start and records nothing: " + t);
    }
  }

  /** The jar this class came from: what premain appends to the boot class path, and what {@code attach} loads. */
  static File agentJar() throws IOException {
    try {
      return new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot locate the agent jar: " + e, e);
    }
  }
}
