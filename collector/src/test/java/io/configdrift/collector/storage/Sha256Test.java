package io.configdrift.collector.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hash the content hash stands on: each field length-prefixed in UTF-8, null distinct from
 * every string. ASCII fields take a shortcut, which must hash exactly the same bytes.
 */
class Sha256Test {
  @Property(tries = 500)
  void hashesTheLengthPrefixedUtf8OfEveryField(@ForAll("asciiOrAnyText") List<String> fields) throws Exception {
    assertThat(Sha256.of(fields.toArray(new String[0]))).isEqualTo(reference(fields));
  }

  @Provide
  Arbitrary<List<String>> asciiOrAnyText() {
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(80);
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(80);
    return Arbitraries.oneOf(ascii, any).injectNull(0.1).list().ofMaxSize(12);
  }

  @Example
  void asciiAndOtherTextMixInOneHash() throws Exception {
    List<String> fields = List.of("DB_TIMEOUT", "naïve", "", "a".repeat(5_000), "日本", "x");
    assertThat(Sha256.of(fields.toArray(new String[0]))).isEqualTo(reference(fields));
  }

  @Example
  void fieldBoundariesAndNullCount() {
    assertThat(Sha256.of("ab", "c")).isNotEqualTo(Sha256.of("a", "bc"));
    assertThat(Sha256.of((String) null)).isNotEqualTo(Sha256.of(""));
  }

  private static String reference(List<String> fields) throws IOException, NoSuchAlgorithmException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (String field : fields) {
      if (field == null) {
        out.writeInt(-1);
      } else {
        byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
  }
}
