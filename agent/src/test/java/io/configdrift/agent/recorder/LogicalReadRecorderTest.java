package io.configdrift.agent.recorder;

import static io.configdrift.agent.bootstrap.ReadListener.SOURCE_SPRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.agent.bootstrap.LogicalReadListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counting every logical read, looking up provenance only when it can have changed, and working it
 * out at the snapshot, from the sources the read searched.
 */
class LogicalReadRecorderTest {
  private final ConfigRecorder recorder = new ConfigRecorder(10, () -> 1_000);
  private final MapsInspector inspector = new MapsInspector();
  private final LogicalReadRecorder logical = new LogicalReadRecorder(recorder, new LogicalReadInspector[] {inspector});

  /**
   * A framework whose resolver is a list of named maps, first one wins; counts its provenance
   * lookups and walks.
   */
  private static final class MapsInspector implements LogicalReadInspector {
    int lookups;
    int walks;

    @Override
    public int source() {
      return SOURCE_SPRING;
    }

    @Override
    public boolean hasApplicationCallers() {
      return true;
    }

    @Override
    public String key(Object key, Object result, Object detail) {
      return (String) key;
    }

    @Override
    public String value(Object result) {
      return (String) result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ProvenanceLookup provenanceLookup(Object owner, Object key, Object result, String value) {
      lookups++;
      if (owner == null) {
        throw new IllegalStateException("an unknown framework version");
      }
      List<Map.Entry<String, Map<String, String>>> searched =
          new ArrayList<>(((Map<String, Map<String, String>>) owner).entrySet());
      return () -> {
        walks++;
        List<Provenance.Definition> definitions = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> source : searched) {
          String defined = source.getValue().get(key);
          if (defined == null && source.getValue().containsKey(key)) {
            throw new IllegalStateException("a source that fails when asked");
          }
          if (defined != null) {
            definitions.add(new Provenance.Definition(source.getKey(), defined, null, null));
          }
        }
        return Provenance.of(value, null, definitions);
      };
    }
  }

  @Test
  void worksOutProvenanceOnTheFirstReadAndWhenTheValueChanges() {
    Map<String, Map<String, String>> sources = sources("systemEnvironment", "10", "application.yml", "20");
    for (int i = 0; i < 100; i++) {
      logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, sources, "pool", "10", null);
    }
    assertThat(inspector.walks).as("left to the snapshot").isZero();
    KeyState state = recorder.snapshot().get(0);
    assertThat(state.count).isEqualTo(100);
    assertThat(inspector.lookups).isEqualTo(1);
    assertThat(inspector.walks).isEqualTo(1);
    assertThat(state.provenance.winner.source).isEqualTo("systemEnvironment");
    assertThat(state.provenance.candidates).extracting(c -> c.source + "=" + c.value).containsExactly("application.yml=20");

    sources.remove("systemEnvironment");
    logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, sources, "pool", "20", null);
    logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, sources, "pool", new String("20"), null);
    state = recorder.snapshot().get(0);
    assertThat(inspector.lookups).as("once more, for the new value only").isEqualTo(2);
    assertThat(inspector.walks).isEqualTo(2);
    assertThat(state.valueChanged).isTrue();
    assertThat(state.provenance.winner.source).isEqualTo("application.yml");
    assertThat(state.provenance.candidates).isEmpty();
  }

  @Test
  void aFrameworkThatCannotBeInspectedStillCountsItsReads() {
    logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, null, "pool", "10", null);
    logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, null, "pool", "10", null);
    KeyState state = recorder.snapshot().get(0);
    assertThat(state.count).isEqualTo(2);
    assertThat(state.provenance.candidates).as("unknown, not 'no other source'").isNull();
    assertThat(inspector.lookups).as("not retried for the same value").isEqualTo(1);
  }

  /**
   * The recorder takes the lookup at the read and works it out once, at the snapshot; that the
   * lookup holds the sources as the read found them is the inspector's part (here the test's, in
   * the agent {@code Reflection.copyOf}).
   */
  @Test
  void theLookupTakenAtTheReadIsWorkedOutOnceAtTheSnapshot() {
    Map<String, Map<String, String>> sources = sources("commandLineArgs", "30", "application.yml", "20");
    logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, sources, "pool", "30", null);
    sources.put("addedAfterTheRead", Map.of("pool", "40"));
    sources.remove("application.yml");

    KeyState state = recorder.snapshot().get(0);
    assertThat(state.provenance.winner.source).isEqualTo("commandLineArgs");
    assertThat(state.provenance.candidates).extracting(c -> c.source).containsExactly("application.yml");
    assertThat(recorder.snapshot().get(0).provenance).as("worked out once").isSameAs(state.provenance);
    assertThat(inspector.walks).isEqualTo(1);
  }

  @Test
  void aSourceThatFailsWhenAskedLeavesTheProvenanceUnknown() {
    Map<String, String> failing = new java.util.HashMap<>();
    failing.put("pool", null);
    logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, Map.of("broken", failing), "pool", "10", null);
    KeyState state = recorder.snapshot().get(0);
    assertThat(state.count).isEqualTo(1);
    assertThat(state.provenance.winner).isNull();
    assertThat(state.provenance.candidates).isNull();
  }

  @Test
  void aLookupThatFoundNothingHasNoWinnerAndIsNotWalked() {
    logical.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, Map.of(), "logging.file.name", null, null);
    KeyState state = recorder.snapshot().get(0);
    assertThat(state.value).isNull();
    assertThat(state.provenance.winner).isNull();
    assertThat(state.provenance.candidates).isEmpty();
    assertThat(inspector.lookups).isZero();
  }

  @Test
  void hookPointsWithoutAnInspectorAreIgnored() {
    LogicalReadRecorder withoutInspectors = new LogicalReadRecorder(recorder, new LogicalReadInspector[1]);
    withoutInspectors.onLogicalRead(LogicalReadListener.SPRING_RESOLVER, null, "pool", "10", null);
    withoutInspectors.onLogicalRead(LogicalReadListener.SMALLRYE_CONFIG, null, "pool", "10", null);
    assertThat(recorder.snapshot()).isEmpty();
  }

  /** Named sources, in order of precedence, each defining {@code pool}: name, value, name, value, ... */
  private static Map<String, Map<String, String>> sources(String... namesAndValues) {
    Map<String, Map<String, String>> sources = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      sources.put(namesAndValues[i], Map.of("pool", namesAndValues[i + 1]));
    }
    return sources;
  }
}
