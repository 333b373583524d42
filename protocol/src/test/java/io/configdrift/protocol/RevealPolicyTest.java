package io.configdrift.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevealPolicyTest {
  private final RevealPolicy policy = RevealPolicy.defaults();

  @Test
  void revealsOperationalKeysInEitherNamingStyle() {
    assertThat(policy.revealedValue("DB_TIMEOUT", "60s")).isEqualTo("60s");
    assertThat(policy.revealedValue("db.timeout", "60s")).isEqualTo("60s");
    assertThat(policy.revealedValue("ENABLE_NEW_CHECKOUT", "true")).isEqualTo("true");
    assertThat(policy.revealedValue("inventory.service.url", "http://inv:8080")).isEqualTo("http://inv:8080");
  }

  @Test
  void hidesKeysThatMatchNoRevealPattern() {
    assertThat(policy.revealedValue("CUSTOMER_NAME", "Alice")).isNull();
  }

  @Test
  void secretPatternsWinOverRevealPatterns() {
    assertThat(policy.revealedValue("DB_PASSWORD_TIMEOUT", "x")).isNull();
    assertThat(policy.revealedValue("AUTH_SERVICE_URL", "http://a")).isNull();
    assertThat(policy.revealedValue("SIGNING_KEY", "k")).isNull();
    RevealPolicy everything = new RevealPolicy(List.of("*"), RevealPolicy.DEFAULT_SECRET);
    assertThat(everything.revealedValue("API_TOKEN", "t")).isNull();
    assertThat(everything.revealedValue("COLOR", "red")).isEqualTo("red");
  }

  @Test
  void aStarInAKeyIsReadLikeAnyOtherSeparator() {
    // As SERVICE_API_KEY_POOL it is a secret (*API_KEY*) though it also looks operational (*POOL*).
    assertThat(policy.isSecret("SERVICE_API*KEY_POOL")).isTrue();
    assertThat(policy.revealedValue("SERVICE_API*KEY_POOL", "k")).isNull();
    assertThat(KeyGlob.normalizeKey("db.pool*size")).isEqualTo("DB_POOL_SIZE");
  }

  @Test
  void revealedUrlsLoseUserInfoAndQuery() {
    assertThat(policy.revealedValue("DATABASE_URL", "postgres://app:hunter2@db:5432/orders?sslpassword=x"))
        .isEqualTo("postgres://db:5432/orders");
    assertThat(policy.revealedValue("JDBC_URL", "jdbc:postgresql://db/x?password=p"))
        .isEqualTo("jdbc:postgresql://db/x");
  }

  @Test
  void aUrlThatDoesNotParseIsWithheld() {
    assertThat(policy.revealedValue("CALLBACK_URL", "http://us er:pw@host/%zz")).isNull();
  }
}
