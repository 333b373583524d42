package io.configdrift.agent.frameworks.spring;

import static io.configdrift.agent.frameworks.Reflection.copyOf;
import static io.configdrift.agent.frameworks.Reflection.text;

import io.configdrift.agent.recorder.LogicalReadInspector.ProvenanceLookup;
import io.configdrift.agent.recorder.Provenance;
import io.configdrift.agent.recorder.Provenance.Definition;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every definition of a key in a list of Spring property sources, in order of precedence,
 * each source once:
 *
 * <ul>
 *   <li>Spring Boot's attached {@code configurationProperties} view covers every source of its
 *       list with Boot's relaxed names, so when the key is a valid Boot property name that view is
 *       asked source by source and the list is not walked again;
 *   <li>a source that stands for a whole environment (a {@code PropertySourcesPlaceholderConfigurer}'s
 *       {@code environmentProperties}) is replaced by that environment's own sources, so the winner
 *       is the real source, never the wrapper;
 *   <li>any other source is asked for the key as it is ({@code PropertySource.getProperty}).
 * </ul>
 *
 * <p>The reading thread only notes the list to walk ({@link #lookup}); the walk is the reporter
 * thread's.
 */
final class PropertySourceWalker {
  /** Environments inside environments are unusual; this bounds a pathological nesting. */
  private static final int MAX_NESTING = 4;

  private final SpringApi spring;

  PropertySourceWalker(SpringApi spring) {
    this.spring = spring;
  }

  /**
   * The sources a read of {@code key} searched, as they are now: the list, and the list of Boot's
   * attached view when there is one. Which of them is walked depends on the key ({@link #collect}).
   */
  ProvenanceLookup lookup(Iterable<?> propertySources, String key, String value) {
    List<Object> sources = copyOf(propertySources);
    Object attached = attachedView(sources);
    List<Object> attachedSources = attached != null ? copyOf((Iterable<?>) spring.source(attached)) : null;
    return new ProvenanceLookup() {
      @Override
      public Provenance provenance() {
        List<Definition> definitions = new ArrayList<>();
        collect(sources, attached, attachedSources, key, definitions, 0);
        return Provenance.of(value, null, definitions);
      }
    };
  }

  /** A list of sources as it is when walked: an environment's inside another one. */
  private void collectLive(Iterable<?> propertySources, String key, List<Definition> out, int nesting) {
    if (nesting > MAX_NESTING) {
      return;
    }
    Object attached = attachedView(propertySources);
    collect(propertySources, attached, attached != null ? (Iterable<?>) spring.source(attached) : null, key, out,
        nesting);
  }

  /** {@code attached}: Boot's view among {@code propertySources}, or null; {@code attachedSources}: what it covers. */
  private void collect(Iterable<?> propertySources, Object attached, Iterable<?> attachedSources, String key,
      List<Definition> out, int nesting) {
    Object name = attached != null ? spring.boot.nameOf(key) : null;
    if (name != null) {
      spring.boot.collect(attachedSources, name, out);
      return;
    }
    for (Object propertySource : propertySources) {
      if (propertySource == attached) {
        continue;
      }
      Iterable<?> environment = spring.environmentSources(spring.source(propertySource));
      if (environment != null) {
        collectLive(environment, key, out, nesting + 1);
        continue;
      }
      Object value = spring.property(propertySource, key);
      if (value != null) {
        String origin = spring.boot != null ? spring.boot.origin(propertySource, key) : null;
        out.add(new Definition(spring.name(propertySource), text(value), origin, null));
      }
    }
  }

  /** Spring Boot's attached view among {@code propertySources}, or null (also when Boot is absent). */
  private Object attachedView(Iterable<?> propertySources) {
    if (spring.boot == null) {
      return null;
    }
    for (Object propertySource : propertySources) {
      if (BootApi.ATTACHED_SOURCE_NAME.equals(spring.name(propertySource))) {
        return propertySource;
      }
    }
    return null;
  }
}
