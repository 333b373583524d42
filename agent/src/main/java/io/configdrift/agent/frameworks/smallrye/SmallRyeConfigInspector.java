package io.configdrift.agent.frameworks.smallrye;

import static io.configdrift.agent.frameworks.Reflection.call;
import static io.configdrift.agent.frameworks.Reflection.method;
import static io.configdrift.agent.frameworks.Reflection.text;
import static io.configdrift.agent.frameworks.Reflection.type;

import io.configdrift.agent.bootstrap.ReadListener;
import io.configdrift.agent.frameworks.PerClass;
import io.configdrift.agent.recorder.LogicalReadInspector;
import io.configdrift.agent.recorder.Provenance;
import io.configdrift.agent.recorder.Provenance.Definition;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Lookups through SmallRye Config's {@code SmallRyeConfig.getConfigValue(String)}, which
 * {@code getValue}, {@code getOptionalValue}, {@code getRawValue} and config injection all go
 * through. The {@code ConfigValue} it returns names the winning source and its ordinal; the other
 * sources are asked for the name one by one, in SmallRye's order (highest ordinal first).
 */
public final class SmallRyeConfigInspector implements LogicalReadInspector {
  private static final PerClass<ConfigValueApi> CONFIG_VALUE = new PerClass<ConfigValueApi>() {
    @Override
    protected ConfigValueApi compute(Class<?> configValue) throws ReflectiveOperationException {
      return new ConfigValueApi(configValue);
    }
  };
  private static final PerClass<ConfigApi> CONFIG = new PerClass<ConfigApi>() {
    @Override
    protected ConfigApi compute(Class<?> config) throws ReflectiveOperationException {
      return new ConfigApi(config);
    }
  };

  @Override
  public int source() {
    return ReadListener.SOURCE_MICROPROFILE;
  }

  @Override
  public boolean hasApplicationCallers() {
    return true;
  }

  @Override
  public String key(Object name, Object configValue, Object detail) {
    return name instanceof String ? (String) name : null;
  }

  @Override
  public String value(Object configValue) {
    ConfigValueApi api = CONFIG_VALUE.forInstance(configValue);
    return api == null ? null : api.value(configValue);
  }

  /** SmallRye's sources are fixed once its {@code Config} is built, so the lookup keeps the config itself. */
  @Override
  public ProvenanceLookup provenanceLookup(Object config, Object name, Object configValue, String value) {
    return new ProvenanceLookup() {
      @Override
      public Provenance provenance() {
        return workOut(config, (String) name, configValue, value);
      }
    };
  }

  private static Provenance workOut(Object config, String name, Object configValue, String value) {
    ConfigValueApi valueApi = CONFIG_VALUE.forInstance(configValue);
    Definition winner = valueApi == null ? null : valueApi.definition(configValue);
    List<Definition> others = new ArrayList<>();
    ConfigApi configApi = CONFIG.forInstance(config);
    if (configApi != null) {
      boolean winnerSkipped = winner == null;
      for (Object source : configApi.sources(config)) {
        Definition definition = configApi.definition(source, name);
        if (definition.value == null) {
          continue;
        }
        if (!winnerSkipped && definition.source.equals(winner.source) && definition.ordinal.equals(winner.ordinal)) {
          winnerSkipped = true;
          continue;
        }
        others.add(definition);
      }
    }
    return Provenance.of(value, winner, others);
  }

  /** {@code io.smallrye.config.ConfigValue}: value, source name and ordinal, and location where SmallRye has it. */
  private static final class ConfigValueApi {
    private final Method value;
    private final Method sourceName;
    private final Method sourceOrdinal;
    private final Method location;

    ConfigValueApi(Class<?> configValue) throws ReflectiveOperationException {
      value = method(configValue, "getValue");
      sourceName = method(configValue, "getSourceName");
      sourceOrdinal = method(configValue, "getSourceOrdinal");
      location = optionalMethod(configValue, "getLocation");
    }

    String value(Object configValue) {
      return text(call(value, configValue));
    }

    Definition definition(Object configValue) {
      String origin = location == null ? null : text(call(location, configValue));
      return new Definition(text(call(sourceName, configValue)), value(configValue), origin,
          (Integer) call(sourceOrdinal, configValue));
    }

    private static Method optionalMethod(Class<?> owner, String name) {
      try {
        return method(owner, name);
      } catch (NoSuchMethodException olderSmallRye) {
        return null;
      }
    }
  }

  /** {@code SmallRyeConfig.getConfigSources()} and MicroProfile's {@code ConfigSource}. */
  private static final class ConfigApi {
    private final Method sources;
    private final Method name;
    private final Method ordinal;
    private final Method value;

    ConfigApi(Class<?> config) throws ReflectiveOperationException {
      sources = method(config, "getConfigSources");
      Class<?> configSource = type(config.getClassLoader(), "org.eclipse.microprofile.config.spi.ConfigSource");
      name = method(configSource, "getName");
      ordinal = method(configSource, "getOrdinal");
      value = method(configSource, "getValue", String.class);
    }

    Iterable<?> sources(Object config) {
      return (Iterable<?>) call(sources, config);
    }

    Definition definition(Object source, String key) {
      return new Definition(text(call(name, source)), text(call(value, source, key)), null,
          (Integer) call(ordinal, source));
    }
  }
}
