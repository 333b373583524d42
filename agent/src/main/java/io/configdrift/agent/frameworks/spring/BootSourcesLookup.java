package io.configdrift.agent.frameworks.spring;

import io.configdrift.agent.recorder.LogicalReadInspector.ProvenanceLookup;
import io.configdrift.agent.recorder.Provenance;
import io.configdrift.agent.recorder.Provenance.Definition;
import java.util.ArrayList;
import java.util.List;

/**
 * Every definition of a Boot property name in a list of Boot's {@code ConfigurationPropertySource}s,
 * in order; the first one won, as it does for Boot's resolver and binder alike.
 */
final class BootSourcesLookup implements ProvenanceLookup {
  private final BootApi boot;
  private final List<Object> sources;
  private final Object name;
  private final String value;

  /** {@code sources}: a copy, taken when the key was read. */
  BootSourcesLookup(BootApi boot, List<Object> sources, Object name, String value) {
    this.boot = boot;
    this.sources = sources;
    this.name = name;
    this.value = value;
  }

  @Override
  public Provenance provenance() {
    List<Definition> definitions = new ArrayList<>();
    boot.collect(sources, name, definitions);
    return Provenance.of(value, null, definitions);
  }
}
