package io.configdrift.agent.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is reporting. Each field comes from the agent's own option first (argument, then
 * {@code -Dconfigdrift.<name>}, then {@code CONFIGDRIFT_<NAME>}), then from the OpenTelemetry
 * conventions ({@code otel.service.name}/{@code OTEL_SERVICE_NAME} and the resource attributes),
 * so a service already set up for OpenTelemetry needs no configuration here. The instance falls
 * back to the host name.
 */
public final class AgentIdentity {
  public final String service;
  public final String environment;
  public final String region;
  public final String instance;
  public final String serviceVersion;

  private AgentIdentity(String service, String environment, String region, String instance,
      String serviceVersion) {
    this.service = service;
    this.environment = environment;
    this.region = region;
    this.instance = instance;
    this.serviceVersion = serviceVersion;
  }

  public static AgentIdentity resolve(AgentConfig config) {
    Map<String, String> resource = resourceAttributes(config);
    String serviceName = first(config.get(AgentOption.SERVICE), config.systemProperty("otel.service.name"),
        config.environmentVariable("OTEL_SERVICE_NAME"), resource.get("service.name"), "unknown_service:java");
    String environment = first(config.get(AgentOption.ENVIRONMENT), resource.get("deployment.environment.name"),
        resource.get("deployment.environment"), "unknown");
    String region = first(config.get(AgentOption.REGION), resource.get("cloud.region"));
    String instance = first(config.get(AgentOption.INSTANCE), resource.get("service.instance.id"));
    if (instance == null) {
      instance = hostName(config);
    }
    String version = first(config.get(AgentOption.SERVICE_VERSION), resource.get("service.version"));
    return new AgentIdentity(serviceName, environment, region, instance, version);
  }

  /** {@code otel.resource.attributes} wins over {@code OTEL_RESOURCE_ATTRIBUTES}, as in the OpenTelemetry SDK. */
  private static Map<String, String> resourceAttributes(AgentConfig config) {
    Map<String, String> attributes = new HashMap<>();
    putAttributes(attributes, config.environmentVariable("OTEL_RESOURCE_ATTRIBUTES"));
    putAttributes(attributes, config.systemProperty("otel.resource.attributes"));
    return attributes;
  }

  private static void putAttributes(Map<String, String> into, String text) {
    if (text == null) {
      return;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        String value = AgentConfig.blankToNull(decode(pair.substring(eq + 1)));
        if (value != null) {
          into.put(pair.substring(0, eq).trim(), value);
        }
      }
    }
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }

  private static String hostName(AgentConfig config) {
    String fromEnvironment = config.environmentVariable("HOSTNAME");
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    try {
      String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!kernel.isEmpty()) {
        return kernel;
      }
    } catch (IOException | RuntimeException notLinux) {
      // Fall back to the resolver below.
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "unknown-host";
    }
  }

  private static String first(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.trim();
      }
    }
    return null;
  }
}
