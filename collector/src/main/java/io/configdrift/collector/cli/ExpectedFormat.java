package io.configdrift.collector.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The kinds of files {@code verify --expected} reads; told by the file name unless given. */
enum ExpectedFormat {
  /** {@code KEY=VALUE} lines, as docker and compose read them. */
  ENV,
  /** A Java properties file. */
  PROPERTIES,
  /** YAML: a map of keys (nested maps are flattened with dots), or Kubernetes ConfigMaps and Secrets. */
  YAML,
  /** JSON: an object of keys (nested objects are flattened with dots), or a Kubernetes manifest. */
  JSON;

  /** {@code .env}, {@code production.env}, {@code .env.production}, {@code *.properties}, {@code *.yaml}... */
  static ExpectedFormat of(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".properties")) {
      return PROPERTIES;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".env") || name.startsWith(".env.")) {
      return ENV;
    }
    throw new CliException("cannot tell the format of " + file
        + " from its name: pass --expected-format env, properties, yaml or json");
  }
}
