package io.configdrift.collector.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The hand-written check must agree with {@link Instant#parse} on every text, valid or not. */
class IsoInstantsTest {
  @Property(tries = 5000)
  void agreesWithInstantParseOnInstantLikeText(@ForAll("instantLike") String text) {
    assertThat(IsoInstants.isValid(text)).as(text).isEqualTo(parses(text));
  }

  @Property(tries = 2000)
  void agreesWithInstantParseOnAnyText(@ForAll String text) {
    assertThat(IsoInstants.isValid(text)).as(text).isEqualTo(parses(text));
  }

  @Property(tries = 2000)
  void takesTheFastPathOnlyForTextThatParses(@ForAll("instantLike") String text) {
    boolean fastPath = IsoInstants.hasCommonShape(text);
    Statistics.collect(fastPath);
    if (fastPath) {
      assertThat(parses(text)).as(text).isTrue();
    }
    // Without enough texts on the fast path, this property would hold whatever the check does.
    Statistics.coverage(coverage -> coverage.check(true).percentage(share -> share > 2.0));
  }

  @Example
  void theAgentsOwnShapeTakesTheFastPath() {
    assertThat(IsoInstants.hasCommonShape(Instant.ofEpochMilli(1_780_000_000_123L).toString())).isTrue();
    assertThat(IsoInstants.hasCommonShape("2026-01-28T12:00:00Z")).isTrue();
  }

  @Example
  void edgesOfTheCalendarAreLeftToTheFullParse() {
    assertThat(IsoInstants.isValid("2026-02-29T00:00:00Z")).isFalse();
    assertThat(IsoInstants.isValid("2028-02-29T00:00:00Z")).isTrue();
    assertThat(IsoInstants.isValid("2026-04-31T00:00:00Z")).isFalse();
    assertThat(IsoInstants.isValid("2026-01-31T24:00:00Z")).isEqualTo(parses("2026-01-31T24:00:00Z"));
    assertThat(IsoInstants.isValid("2026-01-31T12:00:00+01:00")).isEqualTo(parses("2026-01-31T12:00:00+01:00"));
    assertThat(IsoInstants.isValid("2026-01-31T12:00:00.1234567890Z")).isFalse();
    assertThat(IsoInstants.isValid("2026-01-31 12:00:00Z")).isFalse();
  }

  /** Texts close to the shape: each field a random one or two digits wide, random separators. */
  @Provide
  Arbitrary<String> instantLike() {
    Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(4),
        Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(5));
    Arbitrary<String> month = twoDigits(13);
    Arbitrary<String> day = twoDigits(32);
    Arbitrary<String> hour = twoDigits(25);
    Arbitrary<String> minute = twoDigits(61);
    Arbitrary<String> separator = Arbitraries.of("-", "-", "-", "-", ":", " ");
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10).map(digits -> "." + digits));
    Arbitrary<String> zone = Arbitraries.of("Z", "Z", "Z", "z", "", "+01:00");
    return Combinators.combine(year, month, day, hour, minute, minute, separator, fraction)
        .as((y, mm, dd, hh, min, ss, sep, fractionPart) ->
            y + sep + mm + "-" + dd + "T" + hh + ":" + min + ":" + ss + fractionPart)
        .flatMap(text -> zone.map(z -> text + z));
  }

  /** Two digits from 00 to {@code max}, one past the largest valid value of the field. */
  private static Arbitrary<String> twoDigits(int max) {
    return Arbitraries.integers().between(0, max).map(n -> String.format("%02d", n));
  }

  private static boolean parses(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
