package io.configdrift.demo;

import java.util.Map;

/** The database settings of the "emergency fix" and "regional divergence" stories. */
record DatabaseSettings(String timeout, int poolSize) {
  static DatabaseSettings load() {
    String timeout = System.getenv("DB_TIMEOUT");
    if (timeout == null) {
      timeout = "10s";
    }
    // Spring-style: the environment map, with a default when the variable is missing.
    Map<String, String> env = System.getenv();
    int poolSize = Integer.parseInt(env.getOrDefault("DATABASE_POOL_SIZE", "20"));
    return new DatabaseSettings(timeout, poolSize);
  }
}
