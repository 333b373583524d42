package io.configdrift.collector.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the file {@code verify --expected} names into keys and plain values.
 *
 * <p>YAML and JSON: a file of Kubernetes resources gives its ConfigMaps' and Secrets' keys (see
 * {@link KubernetesManifests}); any other file must be a map, and nested maps are flattened with
 * dots ({@code db: {timeout: 30s}} declares {@code db.timeout}), list items with their index
 * ({@code hosts.0}). Keys are later matched to live keys the way policy patterns match, so
 * {@code db.timeout} declares the variable {@code DB_TIMEOUT} too. Later documents of a
 * multi-document YAML file win. An empty value ({@code KEY:}) declares the empty string.
 */
final class ExpectedFiles {
  private ExpectedFiles() {}

  /** {@code format} null: told from the file name. */
  static ExpectedConfig read(Path file, ExpectedFormat format) throws IOException {
    ExpectedFormat actual = format == null ? ExpectedFormat.of(file) : format;
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String origin = file.toString();
    Map<String, String> values = switch (actual) {
      case ENV -> DotEnvParser.parse(text, origin);
      case PROPERTIES -> properties(text);
      case YAML -> structured(StructuredDocuments.yaml(text, origin), origin);
      case JSON -> structured(StructuredDocuments.json(text, origin), origin);
    };
    return new ExpectedConfig(origin, values);
  }

  private static Map<String, String> properties(String text) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    // Properties keep no order; sorted is at least stable.
    Map<String, String> values = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return values;
  }

  private static Map<String, String> structured(List<Object> documents, String origin) {
    if (documents.stream().anyMatch(KubernetesManifests::isResource)) {
      Optional<Map<String, String>> environment = KubernetesManifests.environment(documents, origin);
      return environment.orElseThrow(() -> new CliException(origin
          + ": holds Kubernetes resources but no ConfigMap or Secret"));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Object document : documents) {
      if (!(document instanceof Map<?, ?> map)) {
        throw new CliException(origin + ": expected a map of keys to values at the top, or Kubernetes resources");
      }
      flatten("", map, values);
    }
    return values;
  }

  private static void flatten(String prefix, Object node, Map<String, String> into) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        flatten(prefix + entry.getKey() + ".", entry.getValue(), into);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + i + ".", list.get(i), into);
      }
    } else {
      into.put(prefix.substring(0, prefix.length() - 1), node == null ? "" : (String) node);
    }
  }
}
