package io.configdrift.agent;

import java.util.function.Supplier;

/** Computes a value once, on first use, on whichever thread asks first. */
final class Memo<T> implements Supplier<T> {
  private final Supplier<T> compute;
  private volatile T value;

  Memo(Supplier<T> compute) {
    this.compute = compute;
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
