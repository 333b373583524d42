package io.configdrift.collector.engine;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.FingerprintInfo;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.RevealPolicy;
import io.configdrift.protocol.Sources;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds small reports the way the agent would: fingerprints with a fleet key, values revealed by
 * the default reveal policy, every set key also listed as available.
 */
public final class TestReports {
  public static final String SERVICE = "checkout";
  public static final Fingerprinter FLEET = Fingerprinter.withKey("fleet-key");
  public static final Fingerprinter UNKEYED = Fingerprinter.unkeyed();
  public static final Instant START = Instant.parse("2026-05-01T08:00:00Z");

  private TestReports() {}

  /** A report of {@code instance} in {@code scope} ({@code production} or {@code production/eu-west-1}). */
  public static Builder instance(String instance, String scope) {
    return new Builder(instance, Scope.parse(scope));
  }

  public static ScopeSnapshot snapshot(String scope, Builder... reports) {
    return snapshot(scope, Map.of(), reports);
  }

  public static ScopeSnapshot snapshot(String scope, Map<ValueKey, Instant> firstSeen, Builder... reports) {
    return new ScopeSnapshot(Scope.parse(scope), Arrays.stream(reports).map(Builder::build).toList(), firstSeen);
  }

  /** The fleet fingerprint of {@code value}, for firstSeen maps and assertions. */
  public static String fp(String value) {
    return FLEET.fingerprint(value);
  }

  /** A firstSeen map from alternating env keys, values and instants: "DB_TIMEOUT", "60s", instant, ... */
  public static Map<ValueKey, Instant> firstSeen(Object... keyValueInstant) {
    Map<ValueKey, Instant> out = new HashMap<>();
    for (int i = 0; i < keyValueInstant.length; i += 3) {
      String value = (String) keyValueInstant[i + 1];
      out.put(new ValueKey(Sources.ENV, (String) keyValueInstant[i], value == null ? null : fp(value)),
          (Instant) keyValueInstant[i + 2]);
    }
    return out;
  }

  public static final class Builder {
    private final Report report = new Report();
    private Fingerprinter fingerprinter = FLEET;
    private RevealPolicy reveal = RevealPolicy.defaults();

    private Builder(String instance, Scope scope) {
      report.service = SERVICE;
      report.instance = instance;
      report.environment = scope.environment();
      report.region = scope.region();
      report.serviceVersion = "2.3.0";
      report.startedAt = START.toString();
      report.generatedAt = START.plusSeconds(60).toString();
      report.sequence = 1;
      report.fingerprint = new FingerprintInfo(FLEET.algorithm());
    }

    public Builder service(String service) {
      report.service = service;
      return this;
    }

    public Builder version(String version) {
      report.serviceVersion = version;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      report.startedAt = startedAt.toString();
      return this;
    }

    /** Fingerprint later values with {@code fingerprinter} and say so in the report. */
    public Builder fingerprints(Fingerprinter fingerprinter) {
      this.fingerprinter = fingerprinter;
      report.fingerprint = new FingerprintInfo(fingerprinter.algorithm());
      return this;
    }

    /** Reveal no values from here on. */
    public Builder hideValues() {
      reveal = new RevealPolicy(java.util.List.of(), RevealPolicy.DEFAULT_SECRET);
      return this;
    }

    /** The code read env {@code key}, which is set to {@code value}. */
    public Builder reads(String key, String value) {
      return reads(Sources.ENV, key, value, null);
    }

    /** The code first read env {@code key} (set to {@code value}) at {@code firstRead}. */
    public Builder reads(String key, String value, Instant firstRead) {
      return reads(Sources.ENV, key, value, firstRead);
    }

    public Builder reads(String source, String key, String value, Instant firstRead) {
      ReadRecord read = read(source, key, firstRead);
      read.present = true;
      read.fingerprint = fingerprinter.fingerprint(value);
      read.value = reveal.revealedValue(key, value);
      report.reads.add(read);
      return sets(source, key, value);
    }

    /**
     * Spring resolved {@code key} to {@code value} from {@code winningSource}; each further pair of
     * {@code shadowed} is another source and the value it defines for the key.
     */
    public Builder resolves(String key, String value, String winningSource, String... shadowed) {
      ReadRecord read = read(Sources.SPRING, key, null);
      read.present = true;
      read.fingerprint = fingerprinter.fingerprint(value);
      read.value = reveal.revealedValue(key, value);
      read.winningSource = winningSource;
      read.candidates = new java.util.ArrayList<>();
      for (int i = 0; i + 1 < shadowed.length; i += 2) {
        io.configdrift.protocol.CandidateRecord candidate = new io.configdrift.protocol.CandidateRecord();
        candidate.source = shadowed[i];
        candidate.fingerprint = fingerprinter.fingerprint(shadowed[i + 1]);
        candidate.value = reveal.revealedValue(key, shadowed[i + 1]);
        read.candidates.add(candidate);
      }
      report.reads.add(read);
      return this;
    }

    /** The code read env {@code key}, which is not set, and got nothing. */
    public Builder readsUnset(String key) {
      report.reads.add(read(Sources.ENV, key, null));
      return this;
    }

    /** The code read env {@code key}, which is not set, and fell back to {@code defaultValue}. */
    public Builder readsDefault(String key, String defaultValue) {
      ReadRecord read = read(Sources.ENV, key, null);
      read.defaultUsed = true;
      read.defaultFingerprint = fingerprinter.fingerprint(defaultValue);
      read.defaultValue = reveal.revealedValue(key, defaultValue);
      report.reads.add(read);
      return this;
    }

    /** Env {@code key} is set to {@code value}; the code did not read it. */
    public Builder sets(String key, String value) {
      return sets(Sources.ENV, key, value);
    }

    public Builder sets(String source, String key, String value) {
      report.available.add(new AvailableRecord(source, key, fingerprinter.fingerprint(value)));
      return this;
    }

    private ReadRecord read(String source, String key, Instant firstRead) {
      ReadRecord read = new ReadRecord();
      read.source = source;
      read.key = key;
      read.count = 1;
      read.firstReadAt = (firstRead == null ? Instant.parse(report.startedAt) : firstRead).toString();
      read.lastReadAt = read.firstReadAt;
      read.callers.add("com.acme.checkout.Config.load(Config.java:42)");
      return read;
    }

    public Report build() {
      return report;
    }
  }
}
