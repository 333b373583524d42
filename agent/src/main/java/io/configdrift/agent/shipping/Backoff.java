package io.configdrift.agent.shipping;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: 1 s, 2 s, 4 s, ... up to a ceiling, each delay drawn between
 * half and all of its step so that a fleet whose collector comes back does not retry in lock-step.
 */
final class Backoff {
  private static final long FIRST_DELAY_MILLIS = 1_000;
  private final long ceilingMillis;
  private int failures;

  Backoff(long ceilingMillis) {
    this.ceilingMillis = Math.max(FIRST_DELAY_MILLIS, ceilingMillis);
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  long nextDelayMillis() {
    long step = FIRST_DELAY_MILLIS << Math.min(failures, 20);
    failures++;
    long capped = Math.min(step, ceilingMillis);
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
  }

  void reset() {
    failures = 0;
  }

  boolean failing() {
    return failures > 0;
  }
}
