package dev.weir.reactive;

/**
 * A store whose operations an {@link OperationObserver} can see: the embedded store ({@link
 * Weir#inMemory()}, {@link Weir#open}) is one. With no observer, an operation pays one field
 * read for the possibility.
 */
public interface ObservableStore {

  /**
   * Has {@code observer} see every operation subscribed from now on, until the returned handle
   * is closed. One observer at a time: a second is refused with an {@link
   * IllegalStateException} (one metrics binder per store, bound to as many registries as wanted).
   */
  AutoCloseable observe(OperationObserver observer);
}
