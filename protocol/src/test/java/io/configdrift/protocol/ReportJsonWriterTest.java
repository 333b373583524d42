package io.configdrift.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer must write exactly what data binding writes of the same report, byte for
 * byte, indented and compact: every field, in the same order, nulls left out where the classes
 * leave them out and kept where they keep them.
 */
class ReportJsonWriterTest {
  /** Data binding with the report classes' own annotations: the reference for what a report holds. */
  private static final ObjectMapper DATA_BINDING = new ObjectMapper();
  private static final ObjectWriter INDENTED = DATA_BINDING.writer(
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  @Test
  void writesEveryFieldAsDataBindingWould() throws Exception {
    assertSameAsDataBinding(fullReport());
  }

  @Test
  void theFullReportSetsEveryField() throws Exception {
    // Else a field added to the report classes could go unwritten without this test noticing.
    Report report = fullReport();
    ReadRecord read = report.reads.get(0);
    for (Object record : List.of(report, report.fingerprint, read, read.candidates.get(0), report.available.get(0))) {
      for (Field field : record.getClass().getFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          assertThat(field.get(record)).as(record.getClass().getSimpleName() + "." + field.getName()).isNotNull();
        }
      }
    }
  }

  @Test
  void writesRandomReportsAsDataBindingWould() throws Exception {
    for (int seed = 0; seed < 200; seed++) {
      assertSameAsDataBinding(randomReport(new Random(seed)));
    }
  }

  private static void assertSameAsDataBinding(Report report) throws Exception {
    assertThat(text(ReportJsonWriter.toJson(report))).isEqualTo(text(INDENTED.writeValueAsBytes(report)));
    ByteArrayOutputStream compact = new ByteArrayOutputStream();
    ReportJsonWriter.writeCompact(report, compact);
    assertThat(text(compact.toByteArray())).isEqualTo(text(DATA_BINDING.writeValueAsBytes(report)));
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  private static Report fullReport() {
    Report report = new Report();
    report.service = "checkout";
    report.environment = "production";
    report.region = "eu-west-1";
    report.instance = "checkout-7d9f";
    report.serviceVersion = "2.3.0";
    report.agentVersion = "0.1.0";
    report.startedAt = "2026-11-28T10:00:00Z";
    report.generatedAt = "2026-11-28T10:01:00Z";
    report.sequence = 42;
    report.dropped = 3;
    report.fingerprint = new FingerprintInfo(Fingerprinter.HMAC_SHA256);
    ReadRecord read = new ReadRecord();
    read.source = "spring";
    read.key = "spring.datasource.hikari.maximum-pool-size";
    read.present = true;
    read.fingerprint = "ab".repeat(32);
    read.value = "10 \"quoted\" \\ tab\t é 日本 \uD83D\uDE00";
    read.defaultUsed = true;
    read.defaultFingerprint = "cd".repeat(32);
    read.defaultValue = "20";
    read.count = Long.MAX_VALUE;
    read.firstReadAt = "2026-11-28T10:00:01Z";
    read.lastReadAt = "2026-11-28T10:00:59Z";
    read.callers = new ArrayList<>(List.of("com.acme.Payment.charge(Payment.java:42)", "a.B.c(Unknown Source)"));
    read.valueChanged = true;
    read.winningSource = "systemEnvironment";
    read.origin = "System Environment Property \"DATABASE_POOL_SIZE\"";
    read.winningOrdinal = 300;
    CandidateRecord candidate = new CandidateRecord();
    candidate.source = "Config resource 'class path resource [application-production.yml]'";
    candidate.fingerprint = "ef".repeat(32);
    candidate.value = "20";
    candidate.origin = "class path resource [application-production.yml] - 3:14";
    candidate.ordinal = 100;
    read.candidates = new ArrayList<>(List.of(candidate));
    report.reads.add(read);
    report.available.add(new AvailableRecord("env", "FEATURE_X", "01".repeat(32)));
    report.available.add(new AvailableRecord("sysprop", "no.fingerprint", null));
    return report;
  }

  /** A report with each optional field present or null at random, lists of any length, any text. */
  private static Report randomReport(Random random) {
    Report report = new Report();
    report.schemaVersion = random.nextInt(3);
    report.service = text(random);
    report.environment = text(random);
    report.region = text(random);
    report.instance = text(random);
    report.serviceVersion = text(random);
    report.agentVersion = text(random);
    report.startedAt = text(random);
    report.generatedAt = text(random);
    report.sequence = random.nextLong();
    report.dropped = random.nextLong();
    report.fingerprint = random.nextInt(5) == 0 ? null : new FingerprintInfo(text(random));
    for (int i = random.nextInt(6); i > 0; i--) {
      ReadRecord read = new ReadRecord();
      read.source = text(random);
      read.key = text(random);
      read.present = random.nextBoolean();
      read.fingerprint = text(random);
      read.value = text(random);
      read.defaultUsed = random.nextBoolean();
      read.defaultFingerprint = text(random);
      read.defaultValue = text(random);
      read.count = random.nextLong();
      read.firstReadAt = text(random);
      read.lastReadAt = text(random);
      read.callers = random.nextInt(5) == 0 ? null : texts(random);
      read.valueChanged = random.nextBoolean();
      read.winningSource = text(random);
      read.origin = text(random);
      read.winningOrdinal = random.nextBoolean() ? null : random.nextInt();
      if (random.nextBoolean()) {
        read.candidates = new ArrayList<>();
        for (int j = random.nextInt(4); j > 0; j--) {
          CandidateRecord candidate = new CandidateRecord();
          candidate.source = text(random);
          candidate.fingerprint = text(random);
          candidate.value = text(random);
          candidate.origin = text(random);
          candidate.ordinal = random.nextBoolean() ? null : random.nextInt();
          read.candidates.add(candidate);
        }
      }
      report.reads.add(read);
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      report.available.add(new AvailableRecord(text(random), text(random), text(random)));
    }
    return report;
  }

  private static List<String> texts(Random random) {
    List<String> texts = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      texts.add(text(random));
    }
    return texts;
  }

  /** Null one time in four; otherwise up to 12 characters from ASCII, control characters, Latin-1 and beyond. */
  private static String text(Random random) {
    if (random.nextInt(4) == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(13); i > 0; i--) {
      switch (random.nextInt(4)) {
        case 0 -> text.append((char) (' ' + random.nextInt(95)));
        case 1 -> text.append((char) random.nextInt(32));
        case 2 -> text.append((char) (0xA0 + random.nextInt(0x60)));
        default -> text.appendCodePoint(0x4E00 + random.nextInt(0x5000));
      }
    }
    return text.toString();
  }
}
