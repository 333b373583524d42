package io.configdrift.agent.recorder;

/**
 * One caller of a key: first the stack captured at the read, then, once the reporter thread has
 * resolved it, the caller's text (or nothing, when no application code was on the stack). Until
 * then the captured stack keeps its classes reachable; {@link ConfigRecorder} bounds how many
 * stacks wait.
 */
final class CallSite {
  private final CallerLocator locator;
  /** Null once resolved. */
  private Throwable captured;
  private String text;

  CallSite(Throwable captured, CallerLocator locator) {
    this.captured = captured;
    this.locator = locator;
  }

  boolean isResolved() {
    return captured == null;
  }

  /** Resolves the captured stack; callers synchronize on the owning record. */
  void resolve() {
    if (captured != null) {
      text = locator.caller(captured);
      captured = null;
    }
  }

  /** The caller's text once resolved; null before, or when the stack held no application frame. */
  String text() {
    return text;
  }
}
