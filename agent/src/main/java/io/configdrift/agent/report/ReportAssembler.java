package io.configdrift.agent.report;

import io.configdrift.agent.bootstrap.ReadListener;
import io.configdrift.agent.config.AgentIdentity;
import io.configdrift.agent.recorder.ConfigRecorder;
import io.configdrift.agent.recorder.KeyState;
import io.configdrift.agent.recorder.Provenance;
import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.CandidateRecord;
import io.configdrift.protocol.FingerprintInfo;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportLimits;
import io.configdrift.protocol.RevealPolicy;
import io.configdrift.protocol.Sources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Turns what the recorder holds into a {@link Report}: fingerprints every value, reveals only what
 * the reveal policy allows, and adds the inventory of what is set. This is where plain values stop:
 * nothing past it sees a value the policy does not reveal.
 */
public final class ReportAssembler {
  /** Report names of the recorder's sources, indexed by the {@code SOURCE_*} constants of {@link ReadListener}. */
  private static final String[] SOURCE_NAMES = {Sources.ENV, Sources.SYSPROP, Sources.SPRING, Sources.MICROPROFILE};

  private final ConfigRecorder recorder;
  private final Supplier<AgentIdentity> identity;
  private final Fingerprinter fingerprinter;
  private final RevealPolicy revealPolicy;
  private final AvailableInventory inventory;
  private final Supplier<Map<String, String>> environment;
  private final Properties systemProperties;
  private final String agentVersion;
  private final Instant startedAt;
  private final AtomicLong sequence = new AtomicLong();

  public ReportAssembler(ConfigRecorder recorder, Supplier<AgentIdentity> identity,
      Fingerprinter fingerprinter, RevealPolicy revealPolicy, AvailableInventory inventory,
      Supplier<Map<String, String>> environment, Properties systemProperties, String agentVersion,
      Instant startedAt) {
    this.recorder = recorder;
    this.identity = identity;
    this.fingerprinter = fingerprinter;
    this.revealPolicy = revealPolicy;
    this.inventory = inventory;
    this.environment = environment;
    this.systemProperties = systemProperties;
    this.agentVersion = agentVersion;
    this.startedAt = startedAt;
  }

  public Report assemble() {
    AgentIdentity who = identity.get();
    Report report = new Report();
    report.service = who.service;
    report.environment = who.environment;
    report.region = who.region;
    report.instance = who.instance;
    report.serviceVersion = who.serviceVersion;
    report.agentVersion = agentVersion;
    report.startedAt = startedAt.toString();
    report.generatedAt = Instant.now().toString();
    report.sequence = sequence.incrementAndGet();
    report.fingerprint = new FingerprintInfo(fingerprinter.algorithm());
    List<KeyState> states = recorder.snapshot();
    states.sort(Comparator.comparingInt((KeyState s) -> s.source).thenComparing(s -> s.key));
    List<ReadRecord> reads = new ArrayList<>(states.size());
    long unreportable = 0;
    for (KeyState state : states) {
      // A key the collector refuses (blank, too long, control characters, half a surrogate pair)
      // would get the whole report refused; its reads count as dropped instead.
      if (ReportLimits.isReportableKey(state.key)) {
        reads.add(toRecord(state));
      } else {
        unreportable += state.count;
      }
    }
    report.reads = reads;
    report.available = reportable(inventory.collect(environment.get(), systemProperties, fingerprinter));
    report.dropped = recorder.dropped() + unreportable;
    return report;
  }

  private static List<AvailableRecord> reportable(List<AvailableRecord> available) {
    available.removeIf(entry -> !ReportLimits.isReportableKey(entry.key));
    return available;
  }

  /** The plain value where the reveal policy allows it and a report can carry it. */
  private String revealed(String key, String value) {
    String shown = revealPolicy.revealedValue(key, value);
    return shown != null && ReportLimits.isReportableValue(shown) ? shown : null;
  }

  private ReadRecord toRecord(KeyState state) {
    ReadRecord read = new ReadRecord();
    read.source = SOURCE_NAMES[state.source];
    read.key = state.key;
    read.present = state.value != null;
    read.fingerprint = fingerprinter.fingerprint(state.value);
    read.value = revealed(state.key, state.value);
    read.defaultUsed = state.defaultUsed;
    read.defaultFingerprint = fingerprinter.fingerprint(state.defaultValue);
    read.defaultValue = revealed(state.key, state.defaultValue);
    read.count = state.count;
    read.firstReadAt = Instant.ofEpochMilli(state.firstReadAt).toString();
    read.lastReadAt = Instant.ofEpochMilli(state.lastReadAt).toString();
    read.callers = new ArrayList<>(state.callers);
    read.valueChanged = state.valueChanged;
    if (state.provenance != null && state.provenance.candidates != null) {
      addProvenance(read, state.key, state.provenance);
    }
    return read;
  }

  /** A source name or origin as a report can carry it. */
  private static String describing(String text) {
    return ReportLimits.clipped(text, ReportLimits.MAX_CALLER_LENGTH);
  }

  /** Winner and shadowed candidates, fingerprinted and revealed by the same rules as the read's own value. */
  private void addProvenance(ReadRecord read, String key, Provenance provenance) {
    if (provenance.winner != null) {
      read.winningSource = describing(provenance.winner.source);
      read.origin = describing(provenance.winner.origin);
      read.winningOrdinal = provenance.winner.ordinal;
    }
    read.candidates = new ArrayList<>(provenance.candidates.size());
    for (Provenance.Definition shadowed : provenance.candidates) {
      CandidateRecord candidate = new CandidateRecord();
      candidate.source = describing(shadowed.source);
      candidate.fingerprint = fingerprinter.fingerprint(shadowed.value);
      candidate.value = revealed(key, shadowed.value);
      candidate.origin = describing(shadowed.origin);
      candidate.ordinal = shadowed.ordinal;
      read.candidates.add(candidate);
    }
  }
}
