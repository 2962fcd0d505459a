package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An optimistic, serializable transaction. Reads come from the snapshot taken at {@code begin}
 * and see the transaction's own writes; writes are buffered until {@link #commit()}, which the
 * store validates on its write loop: if anything read changed after the snapshot, the commit
 * fails with a retryable {@link dev.weir.engine.TransactionConflictException} and writes
 * nothing. Not for concurrent use, but free to hop threads between calls. After commit or
 * rollback every call fails with {@link dev.weir.engine.TransactionClosedException}; a write in
 * a read-only transaction fails with {@link dev.weir.engine.ReadOnlyTransactionException}.
 */
public interface Transaction {

  boolean isReadOnly();

  /** The sequence the transaction reads at. */
  long snapshotSequence();

  Mono<Bytes> get(Bytes key);

  Flux<Entry> scan(Bytes prefix);

  Flux<Entry> scan(KeyRange range);

  Mono<Void> put(Bytes key, Bytes value);

  Mono<Void> delete(Bytes key);

  Mono<Void> deletePrefix(Bytes prefix);

  /**
   * Buffers a log record ({@link dev.weir.engine.WriteBatch.Builder#log}): at commit it takes
   * its sequence in call order among the other writes and reaches the change feed as a {@code
   * LOG} event, but is never stored, so this transaction's own reads do not see it either. It
   * reaches the feed only if the commit succeeds; a read-only transaction refuses it like a
   * write.
   */
  Mono<Void> log(Bytes key, Bytes value);

  /**
   * A child transaction on the same snapshot: it sees this one's writes; its commit folds its
   * writes and reads into this one; its rollback leaves this one untouched.
   */
  Transaction nested();

  /** Validates and applies the writes atomically; a second commit is an error. */
  Mono<Void> commit();

  /** Discards the writes; idempotent, but an error after commit. */
  Mono<Void> rollback();
}
