package io.configdrift.agent.config;

/**
 * Every option of the agent. Each can be given as an agent argument ({@code name=value}), as the
 * system property {@code configdrift.<name>}, or as the environment variable
 * {@code CONFIGDRIFT_<NAME>}, in that order of precedence. docs/agent-configuration.md is generated
 * from this list (and a test keeps it so).
 */
public enum AgentOption {
  SERVICE("service", null,
      "Name of the service. Falls back to OTEL_SERVICE_NAME or service.name in OTEL_RESOURCE_ATTRIBUTES, then `unknown_service:java`."),
  ENVIRONMENT("environment", null,
      "Environment the instance runs in (`staging`, `production`). Falls back to deployment.environment.name or deployment.environment in OTEL_RESOURCE_ATTRIBUTES, then `unknown`."),
  REGION("region", null,
      "Region the instance runs in. Falls back to cloud.region in OTEL_RESOURCE_ATTRIBUTES; may stay empty."),
  INSTANCE("instance", null,
      "Name of this instance. Falls back to service.instance.id in OTEL_RESOURCE_ATTRIBUTES, then the host name."),
  SERVICE_VERSION("serviceVersion", null,
      "Version of the service. Falls back to service.version in OTEL_RESOURCE_ATTRIBUTES."),
  FILE("file", null,
      "Path of the offline report; written atomically every `interval` seconds and at exit."),
  COLLECTOR("collector", null,
      "Base URL of a configdrift collector; reports are POSTed to `<collector>/v1/reports`."),
  TOKEN("token", null,
      "Bearer token for the collector's ingest endpoint. Prefer the environment variable: agent arguments show in process lists."),
  INTERVAL("interval", "60",
      "Seconds between two reports (at least 1)."),
  FINGERPRINT_KEY_FILE("fingerprintKeyFile", null,
      "File holding the fleet-wide fingerprint key. The key itself is read from CONFIGDRIFT_FINGERPRINT_KEY; without either, fingerprints are plain SHA-256."),
  REVEAL("reveal", null,
      "Key patterns whose plain values may be reported, replacing the default list (see docs/security.md). In agent arguments separate patterns with `;`, elsewhere with `,`."),
  SECRET("secret", null,
      "Key patterns whose values are never reported, whatever `reveal` says, replacing the default list."),
  MAX_KEYS("maxKeys", "10000",
      "Most keys recorded; reads of further keys only count in `dropped`."),
  CLASS_WATCH("classWatch", "untilFound",
      "`untilFound`: stop looking at classes as they load once the Spring and SmallRye classes the application's class loaders have are rewritten (looking costs about 2 % of a Spring Boot start-up). `always`: keep looking, for servers that start further applications with their own copy of Spring or SmallRye later.");

  private final String optionName;
  private final String defaultValue;
  private final String description;

  AgentOption(String optionName, String defaultValue, String description) {
    this.optionName = optionName;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String optionName() {
    return optionName;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public String systemProperty() {
    return "configdrift." + optionName;
  }

  /** {@code serviceVersion} becomes {@code CONFIGDRIFT_SERVICE_VERSION}. */
  public String environmentVariable() {
    StringBuilder out = new StringBuilder("CONFIGDRIFT_");
    for (char c : optionName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  public static AgentOption byName(String name) {
    for (AgentOption option : values()) {
      if (option.optionName.equals(name)) {
        return option;
      }
    }
    return null;
  }
}
