package io.configdrift.agent.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Starts a real child JVM, optionally with the real agent jar, and collects what it printed. */
public final class ChildJvm {
  private final Path javaHome;
  private final List<String> jvmOptions = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> classPath = new ArrayList<>();
  private String mainClass;
  private final List<String> arguments = new ArrayList<>();
  private Duration timeout = Duration.ofSeconds(60);

  private ChildJvm(Path javaHome) {
    this.javaHome = javaHome;
  }

  public static ChildJvm on(Path javaHome) {
    return new ChildJvm(javaHome);
  }

  /** The JDK running the tests (17 here). */
  public static Path currentJavaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /**
   * The second JDK the agent is tested on. Outside CI a machine without it skips those tests; under
   * {@code CI=true} its absence fails them, so CI can never silently test one JDK only.
   */
  public static Path jdk25Home() {
    Path home = Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    boolean present = Files.isExecutable(home.resolve("bin/java"));
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("JDK 25 is required under CI=true but missing at " + home);
    }
    assumeTrue(present, "JDK 25 not installed at " + home);
    return home;
  }

  /** The JDKs the agent is tested on, by feature version, for parameterized tests. */
  public static Stream<String> testedJdks() {
    return Stream.of("17", "25");
  }

  /** The home of one of {@link #testedJdks()}. */
  public static Path javaHome(String jdk) {
    return "25".equals(jdk) ? jdk25Home() : currentJavaHome();
  }

  public static Path agentJar() {
    Path jar = Path.of(System.getProperty("agent.jar", "target/configdrift-agent.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the agent jar " + jar + " is missing: run mvn verify, which packages it first");
    }
    return jar.toAbsolutePath();
  }

  public static Path testClasses() {
    return Path.of(System.getProperty("test.classes", "target/test-classes")).toAbsolutePath();
  }

  /**
   * Puts the application under test on the class path: its classes ({@code application.classes})
   * and the runtime class path its build wrote to a file ({@code application.classpath}), as the
   * fixture modules configure them.
   */
  public ChildJvm applicationUnderTest() throws IOException {
    classPath(Path.of(requiredProperty("application.classes")));
    return applicationLibraries();
  }

  /** Only the runtime class path of the application under test: its libraries, not its own classes. */
  public ChildJvm applicationLibraries() throws IOException {
    String libraries = Files.readString(Path.of(requiredProperty("application.classpath"))).trim();
    for (String entry : libraries.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        classPath(Path.of(entry));
      }
    }
    return this;
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run the test with mvn verify");
    }
    return value;
  }

  public ChildJvm withAgent(String agentArguments) {
    return withAgent(AttachForm.JAVAAGENT, agentArguments);
  }

  public ChildJvm withAgent(AttachForm form, String agentArguments) {
    String option = form.option + agentJar();
    jvmOptions.add(agentArguments == null || agentArguments.isEmpty() ? option : option + "=" + agentArguments);
    return this;
  }

  /** The two ways of naming the agent on the command line (docs/agent-configuration.md, "Attaching at start"). */
  public enum AttachForm {
    JAVAAGENT("-javaagent:"),
    /** The JVM's instrument library itself, which -javaagent stands for, without its implied --add-modules. */
    AGENTLIB("-agentlib:instrument=");

    final String option;

    AttachForm(String option) {
      this.option = option;
    }
  }

  public ChildJvm jvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  public ChildJvm env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public ChildJvm classPath(Path entry) {
    classPath.add(entry.toString());
    return this;
  }

  public ChildJvm main(Class<?> main, String... args) {
    return main(main.getName(), args);
  }

  /** A main class the test does not link against, such as Spring Boot's launcher in a fat jar. */
  public ChildJvm main(String className, String... args) {
    this.mainClass = className;
    this.arguments.addAll(List.of(args));
    return this;
  }

  public ChildJvm timeout(Duration limit) {
    this.timeout = limit;
    return this;
  }

  public Process start(Path stdout, Path stderr) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    // The JDK's CDS archive, as a service would run; the JVM refuses -Xshare beside an AOT cache's options.
    if (jvmOptions.stream().noneMatch(option -> option.startsWith("-XX:AOT"))) {
      command.add("-Xshare:auto");
    }
    command.addAll(jvmOptions);
    List<String> path = new ArrayList<>(classPath);
    if (path.isEmpty()) {
      path.add(testClasses().toString());
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, path));
    command.add(mainClass);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CONFIGDRIFT_") || name.startsWith("OTEL_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** Runs the JVM to its end (failing the test after the timeout) and returns what it did. */
  public Result run() throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("child-out", ".txt");
    Path stderr = Files.createTempFile("child-err", ".txt");
    long started = System.nanoTime();
    Process process = start(stdout, stderr);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("child JVM did not finish within " + timeout + "; stderr:\n" + Files.readString(stderr));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Result result = new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8), took);
    Files.deleteIfExists(stdout);
    Files.deleteIfExists(stderr);
    return result;
  }

  /** What a finished child JVM did. */
  public static final class Result {
    public final int exitCode;
    public final String stdout;
    public final String stderr;
    public final Duration took;

    Result(int exitCode, String stdout, String stderr, Duration took) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
      this.took = took;
    }

    /** The agent's own lines on stderr. */
    public List<String> agentLines() {
      List<String> lines = new ArrayList<>();
      for (String line : stderr.split("\n")) {
        if (line.startsWith("[configdrift]")) {
          lines.add(line);
        }
      }
      return lines;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }
}
