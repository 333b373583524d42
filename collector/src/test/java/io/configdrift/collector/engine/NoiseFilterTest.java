package io.configdrift.collector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.policy.KeyPattern;
import io.configdrift.collector.policy.NoiseSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseFilterTest {
  private final NoiseFilter builtIn = NoiseFilter.builtIn();

  @Test
  void platformVariablesAndJvmPropertiesAreNoise() {
    for (String key : List.of("PATH", "HOME", "HOSTNAME", "LANG", "LC_CTYPE", "TZ", "SHLVL", "_", "JAVA_HOME",
        "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "KUBERNETES_SERVICE_HOST", "PAYMENTS_SERVICE_HOST",
        "PAYMENTS_SERVICE_PORT", "PAYMENTS_PORT_8080_TCP_ADDR", "OTEL_EXPORTER_OTLP_ENDPOINT", "CONFIGDRIFT_SERVICE")) {
      assertThat(builtIn.isNoise("env", key)).as(key).isTrue();
    }
    for (String key : List.of("java.version", "jdk.debug", "sun.arch.data.model", "os.name", "user.dir",
        "file.encoding", "line.separator", "path.separator", "native.encoding", "stdout.encoding")) {
      assertThat(builtIn.isNoise("sysprop", key)).as(key).isTrue();
    }
  }

  @Test
  void teamSettingsAreNotNoise() {
    for (String key : List.of("DB_TIMEOUT", "DB_PORT", "ENABLE_NEW_CHECKOUT", "LOG_LEVEL", "USER_SERVICE_URL",
        "JAVA_FEATURE_FLAG_X", "PATH_PREFIX")) {
      assertThat(builtIn.isNoise("env", key)).as(key).isFalse();
    }
    assertThat(builtIn.isNoise("sysprop", "db.timeout")).isFalse();
    assertThat(builtIn.isNoise("env", "JAVA_VERSION_PIN")).isFalse();
  }

  @Test
  void settingsAddNoiseAndTakeBuiltInNoiseBack() {
    NoiseFilter custom = NoiseFilter.with(new NoiseSettings(
        List.of(KeyPattern.parse("env:NOMAD_*")), List.of(KeyPattern.parse("env:TZ"))));

    assertThat(custom.isNoise("env", "NOMAD_ALLOC_ID")).isTrue();
    assertThat(custom.isNoise("env", "TZ")).isFalse();
    assertThat(custom.isNoise("env", "PATH")).isTrue();
  }
}
