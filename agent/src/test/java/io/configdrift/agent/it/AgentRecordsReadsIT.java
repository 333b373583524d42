package io.configdrift.agent.it;

import static io.configdrift.agent.it.ReportFile.get;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import io.configdrift.testapp.ConfigReadingProgram;
import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.it.ChildJvm.AttachForm;
import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real agent jar in real child JVMs, on JDK 17 and JDK 25, over every access path, attached with
 * -javaagent and as -agentlib:instrument.
 */
class AgentRecordsReadsIT {
  private static final int THREADS = 16;
  private static final int READS_PER_THREAD = 2_000;
  private static final String FINGERPRINT_KEY = "integration-test-key";
  private static final String PASSWORD = "canary-pw-7f3a91";
  private final Fingerprinter fingerprints = Fingerprinter.withKey(FINGERPRINT_KEY);

  @TempDir Path temp;

  static Stream<Arguments> jdksAndAttachForms() {
    return ChildJvm.testedJdks().flatMap(jdk -> Stream.of(AttachForm.values()).map(form -> arguments(jdk, form)));
  }

  private ChildJvm program(String jdk) {
    return ChildJvm.on(ChildJvm.javaHome(jdk))
        .env("DB_TIMEOUT", "60s")
        .env("PAYMENT_TIMEOUT", "45")
        .env("ENABLE_NEW_CHECKOUT", "true")
        .env("CONCURRENT_KEY", "x")
        .env("DB_PASSWORD", PASSWORD)
        .jvmOption("-Dapp.mode=fast")
        .jvmOption("-Dapi.timeout=30")
        .jvmOption("-Dlog.level=INFO")
        .jvmOption("-Dconcurrent.key=y")
        .jvmOption("-Ddb.pool.size=20")
        .main(ConfigReadingProgram.class, String.valueOf(THREADS), String.valueOf(READS_PER_THREAD));
  }

  @ParameterizedTest(name = "JDK {0}, {1}")
  @MethodSource("jdksAndAttachForms")
  void recordsEveryAccessPathWithoutChangingTheProgram(String jdk, AttachForm form) throws Exception {
    Path reportFile = temp.resolve("report.json");
    ChildJvm.Result without = program(jdk).run();
    ChildJvm.Result with = program(jdk)
        .env("CONFIGDRIFT_FINGERPRINT_KEY", FINGERPRINT_KEY)
        .withAgent(form, "service=checkout,environment=staging,region=us-east-1,file=" + reportFile)
        .run();

    assertThat(with.exitCode).as(with.toString()).isZero();
    assertThat(with.stdout).as("the program sees exactly what it sees without the agent").isEqualTo(without.stdout);
    assertThat(with.stdout).contains("getenv(null) = threw java.lang.NullPointerException",
        "getProperty(\"\") = threw java.lang.IllegalArgumentException", "env.put = threw java.lang.UnsupportedOperationException");
    assertThat(with.agentLines()).as("a configured agent prints nothing").isEmpty();

    Report report = ReportFile.read(reportFile);
    assertThat(report.service).isEqualTo("checkout");
    assertThat(report.environment).isEqualTo("staging");
    assertThat(report.region).isEqualTo("us-east-1");
    assertThat(report.fingerprint.algorithm).isEqualTo("hmac-sha256");
    assertThat(report.dropped).isZero();

    ReadRecord dbTimeout = get(report, "env", "DB_TIMEOUT");
    assertThat(dbTimeout.present).isTrue();
    assertThat(dbTimeout.value).isEqualTo("60s");
    assertThat(dbTimeout.fingerprint).isEqualTo(fingerprints.fingerprint("60s"));
    assertThat(dbTimeout.count).isEqualTo(1);
    assertThat(dbTimeout.callers).singleElement().asString()
        .startsWith("io.configdrift.testapp.ConfigReadingProgram.main(ConfigReadingProgram.java:");

    assertThat(get(report, "env", "UNSET_VARIABLE").present).isFalse();
    assertThat(get(report, "env", "PAYMENT_TIMEOUT").value).isEqualTo("45");
    assertThat(get(report, "env", "ENABLE_NEW_CHECKOUT").value).isEqualTo("true");
    ReadRecord inventory = get(report, "env", "INVENTORY_SERVICE_URL");
    assertThat(inventory.present).isFalse();
    assertThat(inventory.defaultUsed).isTrue();
    assertThat(inventory.defaultValue).isEqualTo("http://legacy-inventory");

    ReadRecord mode = get(report, "sysprop", "app.mode");
    assertThat(mode.count).as("new Properties() reads are not configuration").isEqualTo(2);
    assertThat(mode.valueChanged).isTrue();
    assertThat(mode.value).as("app.mode matches no reveal pattern").isNull();
    assertThat(mode.fingerprint).isEqualTo(fingerprints.fingerprint("changed"));

    ReadRecord region = get(report, "sysprop", "app.region");
    assertThat(region.defaultUsed).isTrue();
    assertThat(region.defaultFingerprint).isEqualTo(fingerprints.fingerprint("us-east-1"));
    assertThat(get(report, "sysprop", "db.pool.size").value).isEqualTo("20");
    assertThat(get(report, "sysprop", "http.max.connections").defaultFingerprint).isEqualTo(fingerprints.fingerprint("50"));
    assertThat(get(report, "sysprop", "cache.ttl.millis").defaultFingerprint).isEqualTo(fingerprints.fingerprint("1000"));
    assertThat(get(report, "sysprop", "feature.audit.enabled").present).isFalse();
    assertThat(get(report, "sysprop", "api.timeout").value).isEqualTo("30");
    assertThat(get(report, "sysprop", "log.level").value).isEqualTo("INFO");
    assertThat(get(report, "sysprop", "runtime.flag").value).isNull();

    long expected = (long) THREADS * READS_PER_THREAD;
    assertThat(get(report, "env", "CONCURRENT_KEY").count).isEqualTo(expected);
    assertThat(get(report, "sysprop", "concurrent.key").count).isEqualTo(expected);

    assertThat(report.reads).as("the agent's own reads are never recorded")
        .allSatisfy(read -> assertThat(read.callers)
            .allSatisfy(caller -> assertThat(caller).startsWith("io.configdrift.testapp.ConfigReadingProgram.")));

    assertThat(report.available).extracting(a -> a.source + ":" + a.key)
        .contains("env:DB_PASSWORD", "sysprop:app.mode", "sysprop:runtime.flag", "sysprop:concurrent.key")
        .doesNotContain("sysprop:java.version", "sysprop:user.timezone", "sysprop:os.name");
    AvailableRecord password = report.available.stream().filter(a -> a.key.equals("DB_PASSWORD")).findFirst().orElseThrow();
    assertThat(password.fingerprint).isEqualTo(fingerprints.fingerprint(PASSWORD));
    assertThat(Files.readString(reportFile)).doesNotContain(PASSWORD);
  }
}
