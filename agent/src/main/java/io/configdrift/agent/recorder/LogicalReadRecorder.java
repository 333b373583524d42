package io.configdrift.agent.recorder;

import io.configdrift.agent.bootstrap.LogicalReadListener;
import java.util.Collection;
import java.util.List;

/**
 * Records framework-level reads: counts them like JDK reads, in the same {@link ConfigRecorder},
 * and looks up a {@link Provenance} on a key's first read and whenever its value changes, for the
 * reporter thread to work out. The framework objects are read by the {@link LogicalReadInspector}
 * registered for each hook point.
 */
public final class LogicalReadRecorder implements LogicalReadListener {
  /** How deep under a framework-level read its application caller may be found. */
  private static final int CALLER_DEPTH = 24;

  private final ConfigRecorder recorder;
  private final LogicalReadInspector[] inspectors;
  private final CallerLocator callers;

  /** {@code inspectors} is indexed by {@link LogicalReadListener} hook point; null entries are not recorded. */
  public LogicalReadRecorder(ConfigRecorder recorder, LogicalReadInspector[] inspectors) {
    this(recorder, inspectors, List.of());
  }

  /** {@code frameworkPackages}: package prefixes that are never the caller of a framework-level read. */
  public LogicalReadRecorder(ConfigRecorder recorder, LogicalReadInspector[] inspectors,
      Collection<String> frameworkPackages) {
    this.recorder = recorder;
    this.inspectors = inspectors.clone();
    this.callers = CallerLocator.forFrameworkReads(List.copyOf(frameworkPackages), CALLER_DEPTH);
  }

  @Override
  public void onLogicalRead(int hookPoint, Object owner, Object key, Object result, Object detail) {
    if (hookPoint < 0 || hookPoint >= inspectors.length || inspectors[hookPoint] == null) {
      return;
    }
    LogicalReadInspector inspector = inspectors[hookPoint];
    String name = inspector.key(key, result, detail);
    if (name == null) {
      return;
    }
    String value = inspector.value(result);
    KeyRecord record = recorder.record(inspector.source(), name, value,
        inspector.hasApplicationCallers() ? callers : null);
    if (record != null && record.needsProvenance(value)) {
      lookUpProvenance(record, inspector, owner, key, result, value);
    }
  }

  private static void lookUpProvenance(KeyRecord record, LogicalReadInspector inspector, Object owner, Object key,
      Object result, String value) {
    if (value == null) {
      // No source won, so none was shadowed: most of a framework's start-up lookups find nothing,
      // and asking every source for them would cost time to learn nothing.
      record.attach(Provenance.of(null, null, List.of()));
      return;
    }
    try {
      record.attachLater(new PendingProvenance(value, inspector.provenanceLookup(owner, key, result, value)));
    } catch (RuntimeException | LinkageError e) {
      // A framework version the inspector does not know: the read counts, its provenance stays unknown.
      record.attach(Provenance.unknown(value));
    }
  }
}
