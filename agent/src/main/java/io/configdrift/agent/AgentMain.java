package io.configdrift.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Entry point of the agent jar. It only puts the nested jar on the boot class path and hands over
 * to {@link AgentStarter}. The nested jar holds the bootstrap classes that JDK code calls into and
 * what they run (recorder, instrumentation, framework support, ASM), because the boot class loader
 * loads them faster and unverified; this class must not touch any of them before the jar is
 * appended, when they cannot be found yet.
 */
public final class AgentMain {
  private static final String BOOTSTRAP_JAR = "configdrift-bootstrap.jar";
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
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(extractBootstrapJar()));
      AgentStarter.start(arguments, instrumentation, attached);
      started = true;
    } catch (Throwable t) {
      // Whatever went wrong, the application runs on without the agent.
      AgentLog.warn("the agent could not start and records nothing: " + t);
    }
  }

  /** An object whose identity hash varies between processes, cheaper than asking for the process id. */
  private static Object candidateSeed() {
    return new Object();
  }

  /**
   * Copies the bootstrap classes to a new file that only this user can change. The name comes
   * from an identity hash and the clock rather than {@code File.createTempFile}, whose secure random
   * numbers cost tens of milliseconds at start-up; {@code createNewFile} creates the file exclusively
   * (it refuses a file or link someone planted). java.io rather than NIO, because the JVM has loaded
   * java.io already when the agent starts, and NIO's file attribute classes cost another 10 ms.
   */
  private static File extractBootstrapJar() throws IOException {
    File directory = new File(System.getProperty("java.io.tmpdir"));
    File jar = null;
    for (int attempt = 0; jar == null; attempt++) {
      File candidate = new File(directory, "configdrift-bootstrap-"
          + Long.toHexString(System.identityHashCode(candidateSeed())) + "-" + System.nanoTime() + ".jar");
      if (candidate.createNewFile()) {
        jar = candidate;
      } else if (attempt > 10) {
        throw new IOException("cannot create a file for the bootstrap classes in " + directory);
      }
    }
    jar.deleteOnExit();
    restrictToOwner(jar);
    try (JarFile agentJar = new JarFile(agentJar());
        OutputStream out = new FileOutputStream(jar)) {
      ZipEntry entry = agentJar.getEntry(BOOTSTRAP_JAR);
      if (entry == null) {
        throw new IOException(BOOTSTRAP_JAR + " is missing from the agent jar");
      }
      try (InputStream in = agentJar.getInputStream(entry)) {
        in.transferTo(out);
      }
    }
    return jar;
  }

  /**
   * The jar this class came from (also what {@code attach} loads). premain opens it directly rather
   * than through a class loader resource: a resource lookup searches every JDK module first and
   * goes through a jar URL connection, which together cost milliseconds at start-up.
   */
  static File agentJar() throws IOException {
    try {
      return new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot locate the agent jar: " + e, e);
    }
  }

  /** Nobody else may change the file, since the boot class loader trusts it; reading it is harmless. */
  private static void restrictToOwner(File file) throws IOException {
    if (!(file.setWritable(false, false) && file.setWritable(true, true))) {
      throw new IOException("cannot make " + file + " writable by its owner only");
    }
    if (file.setReadable(false, false)) {
      file.setReadable(true, true);
    }
  }
}
