package io.configdrift.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckoutFlowTest {
  @Test
  void fallsBackToTheStoriesDefaultsWhenNothingIsSet() {
    // The test JVM has none of the demo's variables set.
    CheckoutFlow.Outcome outcome = new CheckoutFlow().process(100);
    assertThat(outcome.inventoryPath()).isEqualTo("legacy");
    assertThat(outcome.newCheckout()).isFalse();
    assertThat(outcome.paymentBudgetSeconds()).isEqualTo(90);
    assertThat(outcome.apiTimeoutSeconds()).isEqualTo(30);
    assertThat(outcome.toJson()).contains("\"inventory\":\"legacy\"");
  }
}
