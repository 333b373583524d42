package io.configdrift.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm;
import io.configdrift.agent.it.ReportFile;
import io.configdrift.testapp.ConfigCallsProgram;
import io.configdrift.testapp.ConfigCallsProgram.Call;
import io.configdrift.testapp.ConfigCallsProgram.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Every intercepted JDK method, called with generated keys (null, empty, blank, huge, unicode with
 * lone surrogates, '=' and NUL, keys that are set and keys that are not), returns the same value of
 * the same type and throws the same exception class with the agent as without it.
 *
 * <p>The agent must also go on reporting whatever the program did: clearing {@code line.separator}
 * once made every later report fail to assemble.
 *
 * <p>Each try replays a generated list of calls in two child JVMs, one with the real agent jar and
 * one without, and compares what they printed: many calls per JVM keep the test fast.
 */
class InterceptedCallsBehaveAsWithoutAgentIT {
  /** Set in the child's environment and on its command line, so that generated reads also find values. */
  private static final List<String> SET_ENV = List.of("TRUST_ENV_TEXT", "TRUST_ENV_NUMBER", "TRUST_ENV_EMPTY", "PATH");
  private static final List<String> SET_PROPERTIES = List.of(
      "trust.text", "trust.number", "trust.long", "trust.flag", "trust.empty", "java.version", "line.separator");

  @Property(tries = 20, shrinking = ShrinkingMode.BOUNDED)
  void onJdk17(@ForAll @Size(min = 50, max = 400) List<@From("calls") Call> calls) throws Exception {
    assertSameBehaviour(ChildJvm.currentJavaHome(), calls);
  }

  @Property(tries = 5, shrinking = ShrinkingMode.BOUNDED)
  void onJdk25(@ForAll @Size(min = 50, max = 400) List<@From("calls") Call> calls) throws Exception {
    assertSameBehaviour(ChildJvm.jdk25Home(), calls);
  }

  private static void assertSameBehaviour(Path javaHome, List<Call> calls) throws Exception {
    Path work = Files.createTempDirectory("trust-calls");
    Path callFile = work.resolve("calls.txt");
    Files.write(callFile, calls.stream().map(Call::encode).collect(Collectors.toList()), StandardCharsets.US_ASCII);
    Path report = work.resolve("report.json");
    ChildJvm.Result without = program(javaHome).main(ConfigCallsProgram.class, callFile.toString()).run();
    ChildJvm.Result with = program(javaHome).main(ConfigCallsProgram.class, callFile.toString(), report.toString())
        .withAgent("service=calls,environment=test,instance=i,interval=1,file=" + report)
        .run();
    assertThat(without.exitCode).as(without.toString()).isZero();
    assertThat(with.exitCode).as(with.toString()).isZero();
    List<String> expected = without.stdout.lines().collect(Collectors.toList());
    List<String> actual = with.stdout.lines().collect(Collectors.toList());
    assertThat(expected).as("the program printed one line per call").hasSize(calls.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("call %d: %s", i, calls.get(i)).isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(with.agentLines()).as("the agent reported without trouble")
        .noneSatisfy(line -> assertThat(line).contains("cannot"));
    assertThat(report).as("a report assembled after the calls in " + callFile).exists();
    assertThat(ReportFile.read(report).service).isEqualTo("calls");
    // Left in place when an assertion fails, for replaying the calls by hand.
    TrustFiles.deleteRecursively(work);
  }

  private static ChildJvm program(Path javaHome) {
    return ChildJvm.on(javaHome)
        .env("TRUST_ENV_TEXT", "hello")
        .env("TRUST_ENV_NUMBER", "42")
        .env("TRUST_ENV_EMPTY", "")
        .jvmOption("-Dtrust.text=world")
        .jvmOption("-Dtrust.number=-17")
        .jvmOption("-Dtrust.long=9000000000")
        .jvmOption("-Dtrust.flag=true")
        .jvmOption("-Dtrust.empty=");
  }

  @Provide
  Arbitrary<Call> calls() {
    Arbitrary<Method> methods = Arbitraries.of(Method.class);
    return Combinators.combine(methods, keys(), values(), numbers())
        .as((method, key, value, number) -> {
          switch (method.arity) {
            case 1:
              return new Call(method, method.name().endsWith("INTEGER_KEY") ? number : key);
            default:
              boolean numericSecond = method.name().contains("_DEFAULT") && !method.name().contains("PROPERTY");
              return new Call(method, key, numericSecond ? number : value);
          }
        });
  }

  /** Keys of every kind the JDK methods accept or refuse. */
  private static Arbitrary<String> keys() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(SET_ENV)),
        Tuple.of(6, Arbitraries.of(SET_PROPERTIES)),
        Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_').ofMinLength(1).ofMaxLength(12)),
        Tuple.of(5, Arbitraries.strings().all().ofMaxLength(20)),
        Tuple.of(3, Arbitraries.of("", " ", "=", "\u0000", "A=B", "\n", "\ud800", "\udc00x",
            "\ud83d\ude00", "\u00e9t\u00e9", "\u65e5\u672c", "trust.text\u0000").injectNull(0.3)),
        Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(5_000).ofMaxLength(60_000)));
  }

  private static Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(3, numbers()),
        Tuple.of(1, Arbitraries.of("", "true", "TRUE", "false").injectNull(0.3)),
        Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(1_000).ofMaxLength(20_000)));
  }

  /** Texts the numeric defaults parse: ints, longs, overflowing and unparsable ones. */
  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("0", "-0", "0x10", "#10", "010", "99999999999999999999", "", " 5", "abc"));
  }
}
