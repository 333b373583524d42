package io.configdrift.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * KeyGlob's matching against the regular expression a glob stands for, on small alphabets where
 * parts overlap often.
 */
class KeyGlobPropertiesTest {
  @Property(tries = 5000)
  void matchesExactlyWhatTheEquivalentRegularExpressionMatches(
      @ForAll @Chars({'A', 'B', '_', '*'}) @StringLength(max = 8) String glob,
      @ForAll @Chars({'A', 'B', '_'}) @StringLength(max = 10) String key) {
    boolean expected = Pattern.compile(glob.replace("*", ".*")).matcher(key).matches();

    assertThat(KeyGlob.compile(glob).matches(key)).as("%s against %s", glob, key).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void matchesKeysAsTheyAreNormalized(
      @ForAll @CharRange(from = 'a', to = 'c') @Chars({'.', '-', '*'}) @StringLength(max = 8) String glob,
      @ForAll @CharRange(from = 'a', to = 'c') @Chars({'.', '-'}) @StringLength(max = 10) String key) {
    String regex = glob.toUpperCase().replaceAll("[^A-Z*]", "_").replace("*", ".*");
    boolean expected = Pattern.compile(regex).matcher(key.toUpperCase().replaceAll("[^A-Z]", "_")).matches();

    assertThat(KeyGlob.compile(glob).matches(KeyGlob.normalizeKey(key))).as("%s against %s", glob, key)
        .isEqualTo(expected);
  }
}
