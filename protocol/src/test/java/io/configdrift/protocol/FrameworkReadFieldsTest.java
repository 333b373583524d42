package io.configdrift.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields framework-level reads add are optional: old reports read as before, JDK reads do not gain them. */
class FrameworkReadFieldsTest {
  private final ReportCodec codec = new ReportCodec();

  @Test
  void aFrameworkReadKeepsItsWinnerOriginAndCandidatesThroughJson() throws Exception {
    ReadRecord read = new ReadRecord();
    read.source = Sources.SPRING;
    read.key = "database.pool-size";
    read.present = true;
    read.winningSource = "systemEnvironment";
    read.origin = "System Environment Property \"DATABASE_POOL_SIZE\"";
    CandidateRecord shadowed = new CandidateRecord();
    shadowed.source = "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'";
    shadowed.fingerprint = "f5ca38f7";
    shadowed.value = "20";
    shadowed.origin = "class path resource [application.yml] - 11:14";
    read.candidates = List.of(shadowed);
    Report report = new Report();
    report.reads = List.of(read);

    ReadRecord back = codec.read(ReportJsonWriter.toJson(report)).reads.get(0);
    assertThat(back.winningSource).isEqualTo("systemEnvironment");
    assertThat(back.origin).isEqualTo(read.origin);
    assertThat(back.winningOrdinal).isNull();
    assertThat(back.candidates).singleElement().satisfies(c -> {
      assertThat(c.source).isEqualTo(shadowed.source);
      assertThat(c.value).isEqualTo("20");
      assertThat(c.origin).isEqualTo(shadowed.origin);
      assertThat(c.ordinal).isNull();
    });
  }

  @Test
  void aJdkReadHasNoneOfTheNewFieldsAndAnOldReportStillReads() throws Exception {
    Report report = new Report();
    ReadRecord env = new ReadRecord();
    env.source = Sources.ENV;
    env.key = "DB_TIMEOUT";
    report.reads = List.of(env);
    String json = new String(ReportJsonWriter.toJson(report), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("winningSource", "origin", "winningOrdinal", "candidates");

    String old = "{\"schemaVersion\":1,\"service\":\"checkout\",\"reads\":[{\"source\":\"env\",\"key\":\"DB_TIMEOUT\","
        + "\"present\":true,\"count\":1,\"callers\":[],\"valueChanged\":false}],\"available\":[],\"dropped\":0}";
    ReadRecord read = codec.read(old.getBytes(StandardCharsets.UTF_8)).reads.get(0);
    assertThat(read.candidates).isNull();
    assertThat(read.winningSource).isNull();
  }
}
