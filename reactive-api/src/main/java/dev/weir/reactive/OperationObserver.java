package dev.weir.reactive;

/**
 * Sees the operations of an {@link ObservableStore}: what metrics are made of. Called on the
 * threads the operations run on (event loops among them), so every method must be cheap,
 * thread-safe and never block; an observer that throws breaks the operation it was told of.
 *
 * <p>Timing is the observer's choice: {@link #started} says whether to time the operation, and
 * only then does {@link #finished} follow, so an observer that times one operation in many
 * costs the others no clock read.
 */
public interface OperationObserver {

  /**
   * An operation was subscribed. Returns whether to time it: if so, {@link #finished} is called
   * when it ends, with its duration.
   */
  boolean started(Operation operation);

  /** A timed operation ended after {@code nanos}: completed, failed, or was cancelled. */
  void finished(Operation operation, long nanos, boolean failed);

  /** An operation failed, whether it was timed or not. */
  void failed(Operation operation, Throwable error);

  /** A transaction is being tried again after a conflict. */
  void retried();
}
