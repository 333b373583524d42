package io.configdrift.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprinterTest {
  @Test
  void equalValuesGiveEqualFingerprintsUnderOneKey() {
    Fingerprinter a = Fingerprinter.withKey("fleet-key");
    Fingerprinter b = Fingerprinter.withKey("fleet-key");
    assertThat(a.fingerprint("60s")).isEqualTo(b.fingerprint("60s")).hasSize(64);
    assertThat(a.fingerprint("60s")).isNotEqualTo(a.fingerprint("10s"));
    assertThat(a.algorithm()).isEqualTo("hmac-sha256");
  }

  @Test
  void anotherKeyGivesOtherFingerprints() {
    assertThat(Fingerprinter.withKey("k1").fingerprint("true"))
        .isNotEqualTo(Fingerprinter.withKey("k2").fingerprint("true"));
  }

  @Test
  void withoutKeyItIsPlainSha256() {
    Fingerprinter unkeyed = Fingerprinter.withKey(null);
    assertThat(unkeyed.algorithm()).isEqualTo("sha256");
    // SHA-256("abc") from FIPS 180-2.
    assertThat(unkeyed.fingerprint("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(unkeyed.fingerprint(null)).isNull();
  }

  @Test
  void hmacMatchesRfc4231TestCase2() {
    assertThat(Fingerprinter.withKey("Jefe").fingerprint("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}
