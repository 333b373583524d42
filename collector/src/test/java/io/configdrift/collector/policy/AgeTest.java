package io.configdrift.collector.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgeTest {
  @Test
  void readsIsoAndShortForms() {
    assertThat(Age.parse("PT4H").duration()).isEqualTo(Duration.ofHours(4));
    assertThat(Age.parse("P7D").duration()).isEqualTo(Duration.ofDays(7));
    assertThat(Age.parse("30m").duration()).isEqualTo(Duration.ofMinutes(30));
    assertThat(Age.parse("4h").duration()).isEqualTo(Duration.ofHours(4));
    assertThat(Age.parse("1d").duration()).isEqualTo(Duration.ofDays(1));
    assertThat(Age.parse("2w").duration()).isEqualTo(Duration.ofDays(14));
    assertThat(Age.parse("1d12h").duration()).isEqualTo(Duration.ofHours(36));
    assertThat(Age.parse("90s").duration()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void keepsTheTextItWasWrittenAs() {
    assertThat(Age.parse(" 1d ").toString()).isEqualTo("1d");
    assertThat(Age.parse("PT24H")).isEqualTo(Age.parse("1d"));
  }

  @Test
  void refusesWhatIsNotAPositiveDuration() {
    for (String bad : new String[] {"", "1 day", "1y", "d", "-1d", "0h", "PT0S", "PXH"}) {
      assertThatThrownBy(() -> Age.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a positive duration");
    }
  }
}
