package io.configdrift.collector.storage;

import io.configdrift.protocol.AvailableRecord;
import io.configdrift.protocol.CandidateRecord;
import io.configdrift.protocol.ReadRecord;
import io.configdrift.protocol.Report;
import java.util.Comparator;
import java.util.List;

/**
 * Hashes what a report says about configuration, leaving out what changes with every report
 * (counts, timestamps, callers, sequence). Two reports of an instance with the same hash hold the
 * same values, defaults, winning sources and candidates, so the second needs no timeline work and
 * need not replace the stored report. The order of reads and available keys does not matter; the
 * order of candidates does, since it is the order of precedence.
 */
final class ContentHash {
  private static final Comparator<ReadRecord> READ_ORDER = Comparator
      .comparing((ReadRecord read) -> read.source, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(read -> read.key, Comparator.nullsFirst(Comparator.naturalOrder()));
  private static final Comparator<AvailableRecord> AVAILABLE_ORDER = Comparator
      .comparing((AvailableRecord available) -> available.source, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(available -> available.key, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(available -> available.fingerprint, Comparator.nullsFirst(Comparator.naturalOrder()));

  private ContentHash() {}

  /** About what a read adds to the hash: a key, a 64-digit fingerprint, lengths and flags. */
  private static final int BYTES_PER_READ = 160;

  static String of(Report report) {
    int records = (report.reads == null ? 0 : report.reads.size()) + (report.available == null ? 0 : report.available.size());
    Sha256 hash = new Sha256(records * BYTES_PER_READ);
    List<ReadRecord> reads = report.reads == null ? List.of() : report.reads.stream().sorted(READ_ORDER).toList();
    hash.add(Integer.toString(reads.size()));
    for (ReadRecord read : reads) {
      hash.add(read.source).add(read.key).add(read.present).add(read.fingerprint).add(read.value).add(read.defaultUsed)
          .add(read.defaultFingerprint).add(read.defaultValue)
          .add(read.winningSource).add(read.origin).add(read.winningOrdinal == null ? null : read.winningOrdinal.toString());
      List<CandidateRecord> candidates = read.candidates == null ? List.of() : read.candidates;
      hash.add(Integer.toString(candidates.size()));
      for (CandidateRecord candidate : candidates) {
        hash.add(candidate.source).add(candidate.fingerprint).add(candidate.value).add(candidate.origin)
            .add(candidate.ordinal == null ? null : candidate.ordinal.toString());
      }
    }
    List<AvailableRecord> available =
        report.available == null ? List.of() : report.available.stream().sorted(AVAILABLE_ORDER).toList();
    hash.add(Integer.toString(available.size()));
    for (AvailableRecord record : available) {
      hash.add(record.source).add(record.key).add(record.fingerprint);
    }
    return hash.hex();
  }
}
