package io.configdrift.demo;

/** The "debug override that lingers" story: a system property wins over the environment. */
record LoggingSettings(String level, boolean includeSensitive, String format) {
  static LoggingSettings load() {
    String level = System.getProperty("log.level", System.getenv().getOrDefault("LOG_LEVEL", "INFO"));
    boolean includeSensitive = Boolean.parseBoolean(System.getenv("LOG_INCLUDE_SENSITIVE"));
    String format = System.getProperty("log.format", "text");
    return new LoggingSettings(level, includeSensitive, format);
  }
}
