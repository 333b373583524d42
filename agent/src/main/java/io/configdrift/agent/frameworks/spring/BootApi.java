package io.configdrift.agent.frameworks.spring;

import static io.configdrift.agent.frameworks.Reflection.call;
import static io.configdrift.agent.frameworks.Reflection.method;
import static io.configdrift.agent.frameworks.Reflection.optionalType;
import static io.configdrift.agent.frameworks.Reflection.text;
import static io.configdrift.agent.frameworks.Reflection.type;

import io.configdrift.agent.frameworks.Getter;
import io.configdrift.agent.recorder.Provenance.Definition;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Spring Boot's configuration property API (the same in Boot 3 and 4): property names, the
 * {@code ConfigurationPropertySource} adapters with Boot's relaxed names, what they find and its
 * origin.
 */
final class BootApi {
  /** The name under which Boot attaches its view of all property sources to the environment. */
  static final String ATTACHED_SOURCE_NAME = "configurationProperties";

  private final SpringApi spring;
  private final Method nameOf;
  private final Method findProperty;
  private final Method underlyingSource;
  private final Getter propertyValue;
  private final Getter propertyOrigin;
  private final Getter propertySource;
  private final Method originLookup;

  private BootApi(ClassLoader loader, SpringApi spring) throws ReflectiveOperationException {
    this.spring = spring;
    String source = "org.springframework.boot.context.properties.source.";
    Class<?> nameType = type(loader, source + "ConfigurationPropertyName");
    Class<?> sourceType = type(loader, source + "ConfigurationPropertySource");
    Class<?> propertyType = type(loader, source + "ConfigurationProperty");
    nameOf = method(nameType, "ofIfValid", CharSequence.class);
    findProperty = method(sourceType, "getConfigurationProperty", nameType);
    underlyingSource = method(sourceType, "getUnderlyingSource");
    propertyValue = Getter.of(propertyType, "value", "getValue");
    propertyOrigin = Getter.of(propertyType, "origin", "getOrigin");
    propertySource = Getter.of(propertyType, "source", "getSource");
    originLookup = method(type(loader, "org.springframework.boot.origin.OriginLookup"), "getOrigin", Object.class, Object.class);
  }

  /** Boot's API in {@code loader}, or null when the application runs Spring without Spring Boot. */
  static BootApi in(ClassLoader loader, SpringApi spring) throws ReflectiveOperationException {
    if (optionalType(loader, "org.springframework.boot.context.properties.source.ConfigurationPropertyName") == null) {
      return null;
    }
    return new BootApi(loader, spring);
  }

  /** Boot's {@code ConfigurationPropertyName} for {@code key}, or null when the key is no valid one. */
  Object nameOf(String key) {
    return call(nameOf, null, key);
  }

  /**
   * Adds every definition of {@code name} in {@code sources} ({@code ConfigurationPropertySource}s),
   * in order, with Boot's own relaxed name mapping (so {@code DATABASE_POOL_SIZE} in the
   * environment defines {@code database.pool-size}).
   */
  void collect(Iterable<?> sources, Object name, List<Definition> out) {
    for (Object source : sources) {
      Object property = call(findProperty, source, name);
      if (property != null) {
        out.add(definition(property));
      }
    }
  }

  /** A {@code ConfigurationProperty} as a definition: its source's name, value and origin. */
  Definition definition(Object property) {
    return new Definition(sourceName(propertySource.get(property)), text(propertyValue.get(property)),
        text(propertyOrigin.get(property)), null);
  }

  Object value(Object property) {
    return propertyValue.get(property);
  }

  /** Where a property source defines {@code key}, when it knows ({@code OriginLookup}); else null. */
  String origin(Object propertySource, String key) {
    return text(call(originLookup, null, propertySource, key));
  }

  /** The name of the Spring property source behind an adapter; the adapter's type for other sources (never their content). */
  private String sourceName(Object configurationPropertySource) {
    if (configurationPropertySource == null) {
      return null;
    }
    Object underlying = call(underlyingSource, configurationPropertySource);
    return spring.isPropertySource(underlying) ? spring.name(underlying) : configurationPropertySource.getClass().getSimpleName();
  }
}
