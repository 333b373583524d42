package io.configdrift.protocol;

/** Names of the places a value is read from, as they appear in reports. */
public final class Sources {
  /** The process environment ({@code System.getenv}). */
  public static final String ENV = "env";
  /** JVM system properties ({@code System.getProperty} and friends). */
  public static final String SYSPROP = "sysprop";
  /** Spring's {@code Environment}, {@code @Value} and Spring Boot's {@code @ConfigurationProperties} binding: logical keys. */
  public static final String SPRING = "spring";
  /** MicroProfile Config (SmallRye Config): logical keys. */
  public static final String MICROPROFILE = "microprofile";

  private Sources() {}
}
