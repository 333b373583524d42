package io.configdrift.collector.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPatternTest {
  @Test
  void matchesKeysInEitherNamingStyleWithoutRegardToCase() {
    KeyPattern urls = KeyPattern.parse("*_URL");

    assertThat(urls.matches("env", "INVENTORY_SERVICE_URL")).isTrue();
    assertThat(urls.matches("sysprop", "inventory.service.url")).isTrue();
    assertThat(urls.matches("env", "URL_PREFIX")).isFalse();
    assertThat(KeyPattern.parse("log.level").matches("env", "LOG_LEVEL")).isTrue();
  }

  @Test
  void aSourcePrefixLimitsThePattern() {
    KeyPattern aws = KeyPattern.parse("env:AWS_*");

    assertThat(aws.source()).isEqualTo("env");
    assertThat(aws.matches("env", "AWS_REGION")).isTrue();
    assertThat(aws.matches("sysprop", "aws.region")).isFalse();
    assertThat(aws.toString()).isEqualTo("env:AWS_*");
  }

  @Test
  void starsMatchAnyRunIncludingNone() {
    KeyPattern ports = KeyPattern.parse("env:*_PORT_*_TCP*");

    assertThat(ports.matches("env", "INVENTORY_PORT_80_TCP")).isTrue();
    assertThat(ports.matches("env", "INVENTORY_PORT_80_TCP_ADDR")).isTrue();
    assertThat(ports.matches("env", "DB_PORT")).isFalse();
  }

  @Test
  void regexCharactersInKeysAreNotSpecial() {
    assertThat(KeyPattern.parse("a.b").matches("sysprop", "a_b")).isTrue();
    assertThat(KeyPattern.parse("a.b").matches("sysprop", "axb")).isFalse();
    assertThat(KeyPattern.parse("a+b(c)").matches("sysprop", "a_b_c_")).isTrue();
  }

  @Test
  void anyMatchesChecksEveryPattern() {
    List<KeyPattern> patterns = List.of(KeyPattern.parse("sysprop:java.*"), KeyPattern.parse("HOME"));

    assertThat(KeyPattern.anyMatches(patterns, "env", "HOME")).isTrue();
    assertThat(KeyPattern.anyMatches(patterns, "sysprop", "java.version")).isTrue();
    assertThat(KeyPattern.anyMatches(patterns, "env", "JAVA_VERSION")).isFalse();
    assertThat(KeyPattern.anyMatches(List.of(), "env", "HOME")).isFalse();
  }
}
