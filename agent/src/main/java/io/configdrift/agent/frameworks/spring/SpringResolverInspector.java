package io.configdrift.agent.frameworks.spring;

import static io.configdrift.agent.frameworks.Reflection.read;
import static io.configdrift.agent.frameworks.Reflection.text;

import io.configdrift.agent.bootstrap.ReadListener;
import io.configdrift.agent.frameworks.PerClass;
import io.configdrift.agent.frameworks.Reflection;
import io.configdrift.agent.recorder.LogicalReadInspector;
import java.lang.reflect.Field;

/**
 * Lookups through Spring's {@code PropertySourcesPropertyResolver} (the {@code Environment} of a
 * plain Spring application, and the resolver behind {@code @Value} placeholders) and Spring Boot's
 * {@code ConfigurationPropertySourcesPropertyResolver} (the {@code Environment} of a Boot
 * application). Both keep their sources in a field named {@code propertySources}.
 *
 * <p>A placeholder with a default, {@code ${feature.enabled:false}}, is first looked up whole, as a
 * key {@code feature.enabled:false}, before its key part; such a miss is no key anybody reads and is
 * not recorded.
 */
public final class SpringResolverInspector implements LogicalReadInspector {
  private static final PerClass<Field> PROPERTY_SOURCES = new PerClass<Field>() {
    @Override
    protected Field compute(Class<?> resolver) throws NoSuchFieldException {
      return Reflection.field(resolver, "propertySources");
    }
  };

  @Override
  public int source() {
    return ReadListener.SOURCE_SPRING;
  }

  @Override
  public boolean hasApplicationCallers() {
    return true;
  }

  @Override
  public String key(Object key, Object result, Object detail) {
    if (!(key instanceof String) || result == null && ((String) key).indexOf(':') >= 0) {
      return null;
    }
    return (String) key;
  }

  @Override
  public String value(Object result) {
    return text(result);
  }

  @Override
  public ProvenanceLookup provenanceLookup(Object resolver, Object key, Object result, String value) {
    SpringApi spring = SpringApi.of(resolver);
    Field sources = PROPERTY_SOURCES.forInstance(resolver);
    if (spring == null || sources == null) {
      throw new IllegalStateException("not a Spring resolver this agent knows");
    }
    return new PropertySourceWalker(spring).lookup((Iterable<?>) read(sources, resolver), (String) key, value);
  }
}
