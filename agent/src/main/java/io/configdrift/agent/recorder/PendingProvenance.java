package io.configdrift.agent.recorder;

import io.configdrift.agent.recorder.LogicalReadInspector.ProvenanceLookup;

/**
 * A provenance that a read has looked up but not yet worked out: the value read, and what the
 * framework's sources are to be asked. Keeps framework objects reachable until the reporter thread
 * works it out; a key has at most one.
 */
final class PendingProvenance {
  private final String value;
  private final ProvenanceLookup lookup;

  PendingProvenance(String value, ProvenanceLookup lookup) {
    this.value = value;
    this.lookup = lookup;
  }

  boolean isFor(String read) {
    return Provenance.sameValue(read, value);
  }

  /** Asks the sources; a framework version the inspector does not know gives an unknown provenance. */
  Provenance workOut() {
    try {
      return lookup.provenance();
    } catch (RuntimeException | LinkageError e) {
      return Provenance.unknown(value);
    }
  }
}
