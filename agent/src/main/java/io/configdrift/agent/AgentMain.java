package io.configdrift.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Entry point of the agent jar. It only puts the bootstrap classes on the boot class path and hands
 * over to {@link AgentStarter}; it must not touch any bootstrap class itself, or the JVM would load
 * that class from the agent jar before the boot class path has it.
 */
public final class AgentMain {
  private static final String BOOTSTRAP_JAR = "/configdrift-bootstrap.jar";
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
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

  /** An object whose identity hash varies between processes, cheaper than asking for the process id. */
  private static Object candidateSeed() {
    return new Object();
  }

  private static Path createPrivateFile(Path path) throws IOException {
    try {
      return Files.createFile(path, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      return Files.createFile(path);
    }
  }

  /**
   * Copies the bootstrap classes to a new file only this user can read. The name comes from the
   * process id and the clock rather than {@code File.createTempFile}, whose secure random numbers
   * cost tens of milliseconds at start-up; {@code CREATE_NEW} still refuses a file someone planted.
   */
  private static File extractBootstrapJar() throws IOException {
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    Path jar = null;
    for (int attempt = 0; jar == null; attempt++) {
      Path candidate = directory.resolve("configdrift-bootstrap-" + Long.toHexString(System.identityHashCode(candidateSeed())) + "-"
          + System.nanoTime() + ".jar");
      try {
        jar = createPrivateFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
    jar.toFile().deleteOnExit();
    try (InputStream in = AgentMain.class.getResourceAsStream(BOOTSTRAP_JAR)) {
      if (in == null) {
        throw new IOException(BOOTSTRAP_JAR + " is missing from the agent jar");
      }
      Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
    }
    return jar.toFile();
  }
}
