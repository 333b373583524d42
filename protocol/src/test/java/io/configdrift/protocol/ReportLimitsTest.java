package io.configdrift.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportLimitsTest {
  @Test
  void clipsLongTextWithoutSplittingASurrogatePair() {
    assertThat(ReportLimits.clipped("abcdef", 4)).isEqualTo("abcd");
    assertThat(ReportLimits.clipped("abc\uD83D\uDE00", 4)).isEqualTo("abc");
    assertThat(ReportLimits.clipped("short", 10)).isEqualTo("short");
    assertThat(ReportLimits.clipped("bad\u0001text", 100)).isNull();
    assertThat(ReportLimits.clipped(null, 10)).isNull();
  }
}
