package io.configdrift.agent.frameworks.spring;

import static io.configdrift.agent.frameworks.Reflection.call;
import static io.configdrift.agent.frameworks.Reflection.method;
import static io.configdrift.agent.frameworks.Reflection.type;

import io.configdrift.agent.frameworks.Getter;
import io.configdrift.agent.frameworks.PerClass;
import java.lang.reflect.Method;

/**
 * Spring Framework's property source API, found in the class loader of a hooked Spring class:
 * {@code PropertySource} and {@code ConfigurableEnvironment}, and Spring Boot's part when it is
 * there.
 */
final class SpringApi {
  private static final PerClass<SpringApi> BY_HOOKED_CLASS = new PerClass<SpringApi>() {
    @Override
    protected SpringApi compute(Class<?> hooked) throws ReflectiveOperationException {
      return new SpringApi(hooked.getClassLoader());
    }
  };

  private final Class<?> propertySourceType;
  private final Getter name;
  private final Getter source;
  private final Method property;
  private final Class<?> configurableEnvironmentType;
  private final Method environmentSources;
  /** Null when the application has Spring without Spring Boot. */
  final BootApi boot;

  private SpringApi(ClassLoader loader) throws ReflectiveOperationException {
    propertySourceType = type(loader, "org.springframework.core.env.PropertySource");
    name = Getter.of(propertySourceType, "name", "getName");
    source = Getter.of(propertySourceType, "source", "getSource");
    property = method(propertySourceType, "getProperty", String.class);
    configurableEnvironmentType = type(loader, "org.springframework.core.env.ConfigurableEnvironment");
    environmentSources = method(configurableEnvironmentType, "getPropertySources");
    boot = BootApi.in(loader, this);
  }

  /** The API as the class loader of {@code hooked} (an instance of a hooked Spring class) sees it; null if unavailable. */
  static SpringApi of(Object hooked) {
    return BY_HOOKED_CLASS.forInstance(hooked);
  }

  boolean isPropertySource(Object candidate) {
    return propertySourceType.isInstance(candidate);
  }

  String name(Object propertySource) {
    return (String) name.get(propertySource);
  }

  Object source(Object propertySource) {
    return source.get(propertySource);
  }

  Object property(Object propertySource, String key) {
    return call(property, propertySource, key);
  }

  /** The property sources of an environment, when {@code candidate} is a {@code ConfigurableEnvironment}; else null. */
  Iterable<?> environmentSources(Object candidate) {
    return configurableEnvironmentType.isInstance(candidate) ? (Iterable<?>) call(environmentSources, candidate) : null;
  }
}
