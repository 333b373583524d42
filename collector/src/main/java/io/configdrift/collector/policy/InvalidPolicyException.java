package io.configdrift.collector.policy;

/** A policy file that cannot be used; the message is one line naming the place at fault. */
public final class InvalidPolicyException extends RuntimeException {
  public InvalidPolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
