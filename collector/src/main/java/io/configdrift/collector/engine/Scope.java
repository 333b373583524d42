package io.configdrift.collector.engine;

import java.util.Objects;

/**
 * Where instances of a service run: an environment ({@code production}) or an environment and a
 * region ({@code production/eu-west-1}). A scope without a region holds every region of its
 * environment.
 */
public record Scope(String environment, String region) implements Comparable<Scope> {
  public Scope {
    Objects.requireNonNull(environment, "environment");
    if (environment.isBlank()) {
      throw new IllegalArgumentException("a scope needs an environment, as in production or production/eu-west-1");
    }
    if (region != null && region.isBlank()) {
      region = null;
    }
  }

  /** Parses {@code environment} or {@code environment/region}. */
  public static Scope parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a scope needs an environment, as in production or production/eu-west-1");
    }
    int slash = text.indexOf('/');
    return slash < 0 ? new Scope(text.trim(), null)
        : new Scope(text.substring(0, slash).trim(), text.substring(slash + 1).trim());
  }

  /** Whether an instance reporting this environment and region belongs to the scope. */
  public boolean contains(String instanceEnvironment, String instanceRegion) {
    return environment.equals(instanceEnvironment) && (region == null || region.equals(instanceRegion));
  }

  @Override
  public int compareTo(Scope other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return region == null ? environment : environment + "/" + region;
  }
}
