package dev.weir.reactive;

/**
 * The kinds of store operations an {@link OperationObserver} sees: few, so that metrics tagged
 * with them stay low-cardinality. The object layer's work shows as the key-value operations it
 * is made of.
 */
public enum Operation {
  /** {@code get} and {@code getEntry}. */
  GET,
  /** {@code put}, with or without options. */
  PUT,
  /** {@code delete}, conditional or not, and {@code deletePrefix}. */
  DELETE,
  /** {@code write} of a batch. */
  WRITE,
  /** {@code scan} of a prefix or a range, from subscription to its end or cancellation. */
  SCAN,
  /** {@code transact}: every attempt, retries included, until its result. */
  TRANSACTION
}
