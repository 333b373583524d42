package io.configdrift.collector.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a pod gets from ConfigMaps and Secrets ({@code envFrom}): ConfigMap {@code data}
 * as it is, Secret {@code data} base64-decoded and Secret {@code stringData} as it is. Other
 * resources in the file (a Deployment beside its ConfigMap) are skipped; a {@code kind: List}
 * (what {@code kubectl get -o yaml} prints) is read item by item. As with {@code envFrom}, a key
 * in a later resource wins.
 */
final class KubernetesManifests {
  private KubernetesManifests() {}

  /** Whether the document is a Kubernetes resource: it has both {@code apiVersion} and {@code kind}. */
  static boolean isResource(Object document) {
    return document instanceof Map<?, ?> map && map.get("apiVersion") instanceof String
        && map.get("kind") instanceof String;
  }

  /** The keys of every ConfigMap and Secret among the documents; empty when there is none. */
  static Optional<Map<String, String>> environment(List<Object> documents, String origin) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean found = false;
    for (Object document : documents) {
      found |= collect(document, values, origin);
    }
    return found ? Optional.of(values) : Optional.empty();
  }

  private static boolean collect(Object document, Map<String, String> values, String origin) {
    if (!isResource(document)) {
      return false;
    }
    Map<?, ?> resource = (Map<?, ?>) document;
    String name = resource.get("kind") + " " + name(resource);
    switch ((String) resource.get("kind")) {
      case "ConfigMap" -> values.putAll(strings(resource.get("data"), name + " data", origin));
      case "Secret" -> {
        strings(resource.get("data"), name + " data", origin)
            .forEach((key, encoded) -> values.put(key, decode(encoded, name, key, origin)));
        values.putAll(strings(resource.get("stringData"), name + " stringData", origin));
      }
      case "List" -> {
        boolean found = false;
        if (resource.get("items") instanceof List<?> items) {
          for (Object item : items) {
            found |= collect(item, values, origin);
          }
        }
        return found;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static String name(Map<?, ?> resource) {
    return resource.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") instanceof String name
        ? name : "(unnamed)";
  }

  private static Map<String, String> strings(Object section, String where, String origin) {
    Map<String, String> out = new LinkedHashMap<>();
    if (section == null) {
      return out;
    }
    if (!(section instanceof Map<?, ?> map)) {
      throw new CliException(origin + ": " + where + " must be a map of keys to values");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map || value instanceof List) {
        throw new CliException(origin + ": " + where + "." + entry.getKey() + " must be a single value");
      }
      out.put(String.valueOf(entry.getKey()), value == null ? "" : (String) value);
    }
    return out;
  }

  private static String decode(String encoded, String resource, String key, String origin) {
    try {
      // kubectl wraps long base64 lines; the line breaks are no part of the value.
      return new String(Base64.getDecoder().decode(encoded.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new CliException(origin + ": " + resource + " data." + key + " is not valid base64");
    }
  }
}
