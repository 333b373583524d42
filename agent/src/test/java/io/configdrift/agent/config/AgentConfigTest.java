package io.configdrift.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  @Test
  void agentArgumentsWinOverSystemPropertiesWhichWinOverEnvironment() {
    AgentConfig config = AgentConfig.resolve("service=from-args",
        Map.of("configdrift.service", "from-prop", "configdrift.environment", "prop-env")::get,
        Map.of("CONFIGDRIFT_SERVICE", "from-env", "CONFIGDRIFT_ENVIRONMENT", "env-env",
            "CONFIGDRIFT_REGION", "env-region")::get);
    assertThat(config.get(AgentOption.SERVICE)).isEqualTo("from-args");
    assertThat(config.get(AgentOption.ENVIRONMENT)).isEqualTo("prop-env");
    assertThat(config.get(AgentOption.REGION)).isEqualTo("env-region");
    assertThat(config.get(AgentOption.INTERVAL)).isEqualTo("60");
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void unknownOptionsAndBadNumbersBecomeWarningsAndDefaults() {
    AgentConfig config = AgentConfig.resolve("servcie=x,interval=soon,file", Map.<String, String>of()::get,
        Map.<String, String>of()::get);
    assertThat(config.intValue(AgentOption.INTERVAL, 1)).isEqualTo(60);
    assertThat(config.warnings()).hasSize(3);
    assertThat(config.warnings().get(0)).contains("unknown agent option 'servcie'", "service");
    assertThat(config.warnings().get(1)).contains("'file' needs a value");
    assertThat(config.warnings().get(2)).contains("'interval'", "'soon'");
  }

  @Test
  void aChoiceOutsideItsListBecomesAWarningAndTheDefault() {
    AgentConfig config = AgentConfig.resolve("classWatch=forever", Map.<String, String>of()::get,
        Map.of("CONFIGDRIFT_CLASS_WATCH", "always")::get);
    assertThat(config.choice(AgentOption.CLASS_WATCH, "untilFound", "always")).isEqualTo("untilFound");
    assertThat(config.warnings()).singleElement().asString().contains("'classWatch'", "untilFound, always", "'forever'");

    AgentConfig fromEnvironment = AgentConfig.resolve("", Map.<String, String>of()::get,
        Map.of("CONFIGDRIFT_CLASS_WATCH", "always")::get);
    assertThat(fromEnvironment.choice(AgentOption.CLASS_WATCH, "untilFound", "always")).isEqualTo("always");
    assertThat(fromEnvironment.warnings()).isEmpty();
  }

  @Test
  void listsUseSemicolonsInAgentArguments() {
    AgentConfig config = AgentConfig.resolve("reveal=*COLOR*;*SIZE*", Map.<String, String>of()::get,
        Map.of("CONFIGDRIFT_SECRET", "*PIN*, *CVV*")::get);
    assertThat(config.revealPolicy().revealPatterns()).containsExactly("*COLOR*", "*SIZE*");
    assertThat(config.revealPolicy().secretPatterns()).containsExactly("*PIN*", "*CVV*");
  }

  @Test
  void environmentVariableNamesFollowTheOptionNames() {
    assertThat(AgentOption.SERVICE_VERSION.environmentVariable()).isEqualTo("CONFIGDRIFT_SERVICE_VERSION");
    assertThat(AgentOption.FINGERPRINT_KEY_FILE.systemProperty()).isEqualTo("configdrift.fingerprintKeyFile");
  }

  @Test
  void identityFallsBackToOpenTelemetryConventions() {
    AgentConfig config = AgentConfig.resolve("", Map.<String, String>of()::get, Map.of(
        "OTEL_SERVICE_NAME", "payments",
        "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=production,cloud.region=eu-west-1,"
            + "service.instance.id=pay-7,service.version=2.3.0",
        "HOSTNAME", "host-1")::get);
    AgentIdentity identity = AgentIdentity.resolve(config);
    assertThat(identity.service).isEqualTo("payments");
    assertThat(identity.environment).isEqualTo("production");
    assertThat(identity.region).isEqualTo("eu-west-1");
    assertThat(identity.instance).isEqualTo("pay-7");
    assertThat(identity.serviceVersion).isEqualTo("2.3.0");
  }

  @Test
  void ownOptionsWinOverOpenTelemetryAndTheHostNameIsTheLastResort() {
    AgentConfig config = AgentConfig.resolve("environment=staging",
        Map.of("otel.resource.attributes", "service.name=from-prop,deployment.environment=prod")::get,
        Map.of("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-env", "HOSTNAME", "host-9")::get);
    AgentIdentity identity = AgentIdentity.resolve(config);
    assertThat(identity.service).isEqualTo("from-prop");
    assertThat(identity.environment).isEqualTo("staging");
    assertThat(identity.instance).isEqualTo("host-9");
    assertThat(identity.region).isNull();
  }
}
