package io.configdrift.agent.frameworks.spring;

import static io.configdrift.agent.frameworks.Reflection.copyOf;
import static io.configdrift.agent.frameworks.Reflection.read;
import static io.configdrift.agent.frameworks.Reflection.text;
import static io.configdrift.agent.frameworks.Reflection.type;

import io.configdrift.agent.bootstrap.ReadListener;
import io.configdrift.agent.frameworks.Getter;
import io.configdrift.agent.frameworks.PerClass;
import io.configdrift.agent.frameworks.Reflection;
import io.configdrift.agent.recorder.LogicalReadInspector;
import java.lang.reflect.Field;

/**
 * Lookups through Spring Boot's {@code Binder.findProperty}, which {@code @ConfigurationProperties}
 * binding (and Boot's own, of {@code spring.*} and {@code logging.*}) makes once per property. The
 * result is the {@code ConfigurationProperty} found, which names its source and origin itself.
 *
 * <p>The binder also looks up the name of every nested object before binding its properties one
 * by one; such a lookup finds nothing and is not a key anybody sets, so a lookup that found nothing
 * is recorded only when its target is a value (a primitive, an enum, an array or a {@code java.*}
 * type such as {@code String}, {@code Duration} or {@code List}).
 */
public final class BootBinderInspector implements LogicalReadInspector {
  private static final PerClass<Field> SOURCES = new PerClass<Field>() {
    @Override
    protected Field compute(Class<?> binder) throws NoSuchFieldException {
      return Reflection.field(binder, "sources");
    }
  };
  private static final PerClass<TargetType> TARGET_TYPE = new PerClass<TargetType>() {
    @Override
    protected TargetType compute(Class<?> bindable) throws ReflectiveOperationException {
      return new TargetType(bindable);
    }
  };

  @Override
  public int source() {
    return ReadListener.SOURCE_SPRING;
  }

  /** Binding runs deep inside the framework, never right under application code. */
  @Override
  public boolean hasApplicationCallers() {
    return false;
  }

  @Override
  public String key(Object name, Object property, Object target) {
    if (property == null) {
      TargetType type = TARGET_TYPE.forInstance(target);
      if (type == null || !type.isValue(target)) {
        return null;
      }
    }
    return name.toString();
  }

  @Override
  public String value(Object property) {
    SpringApi spring = SpringApi.of(property);
    return spring != null && spring.boot != null ? text(spring.boot.value(property)) : null;
  }

  @Override
  public ProvenanceLookup provenanceLookup(Object binder, Object name, Object property, String value) {
    SpringApi spring = SpringApi.of(binder);
    Field sources = SOURCES.forInstance(binder);
    if (spring == null || spring.boot == null || sources == null) {
      throw new IllegalStateException("not a Spring Boot binder this agent knows");
    }
    // The binder took the first source that had the name; so does the lookup.
    return new BootSourcesLookup(spring.boot, copyOf((Iterable<?>) read(sources, binder)), name, value);
  }

  /** {@code Bindable.getType().resolve()}: the class a lookup binds to. */
  private static final class TargetType {
    private final Getter type;
    private final Getter resolve;

    TargetType(Class<?> bindable) throws ReflectiveOperationException {
      type = Getter.of(bindable, "type", "getType");
      resolve = Getter.of(type(bindable.getClassLoader(), "org.springframework.core.ResolvableType"), "resolved", "resolve");
    }

    boolean isValue(Object target) {
      Class<?> resolved = (Class<?>) resolve.get(type.get(target));
      return resolved != null && (resolved.isPrimitive() || resolved.isArray() || resolved.isEnum()
          || resolved.getName().startsWith("java."));
    }
  }
}
