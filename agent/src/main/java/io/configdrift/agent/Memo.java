package io.configdrift.agent;

import java.util.function.Supplier;

/** Computes a value once, on first use, on whichever thread asks first. */
public final class Memo<T> implements Supplier<T> {
  private final Supplier<T> compute;
  private volatile T value;

  public Memo(Supplier<T> compute) {
    this.compute = compute;
  }

  /** Whether the value has been computed already; never computes it. */
  public boolean isComputed() {
    return value != null;
  }

  @Override
  public T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        current = value;
        if (current == null) {
          current = compute.get();
          value = current;
        }
      }
    }
    return current;
  }
}
