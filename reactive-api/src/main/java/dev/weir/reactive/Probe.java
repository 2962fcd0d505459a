package dev.weir.reactive;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The observer slot of one store, which its operators read at subscription: null (nobody is
 * looking, the common case, one read) or the {@link OperationObserver} to tell.
 */
final class Probe {

  private final AtomicReference<OperationObserver> observer = new AtomicReference<>();

  /** The observer now, or null: a volatile read, a plain load on x86 and ARM's ldar. */
  OperationObserver observer() {
    return observer.get();
  }

  AutoCloseable observe(OperationObserver o) {
    Objects.requireNonNull(o, "observer");
    if (!observer.compareAndSet(null, o)) {
      throw new IllegalStateException(
          "the store already has an observer (" + observer.get() + "); one at a time");
    }
    return () -> observer.compareAndSet(o, null);
  }
}
