package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.WriteBatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import java.util.function.Function;

/**
 * A reactive key-value store. Every method is cold (nothing happens before subscription),
 * never throws, and never blocks; failures arrive as {@code onError} with a {@link
 * dev.weir.engine.WeirException} kind, and an absent value is an empty {@code Mono}. Keys order
 * by unsigned bytes.
 */
public interface ReactiveStore {

  /** The value of {@code key}; empty when absent. Reads on the subscribing thread. */
  Mono<Bytes> get(Bytes key);

  /** The live entry of {@code key} with the sequence that wrote it; empty when absent. */
  Mono<Entry> getEntry(Bytes key);

  /** Stores {@code value}; completes once every reader sees it. */
  Mono<Void> put(Bytes key, Bytes value);

  /**
   * A put with options (TTL, put-if-absent, put-if-sequence). Emits {@code true} when written,
   * {@code false} when its condition did not hold (nothing changed).
   */
  Mono<Boolean> put(Bytes key, Bytes value, PutOptions options);

  /** Deletes {@code key}; emits whether a live value existed. */
  Mono<Boolean> delete(Bytes key);

  /**
   * Deletes {@code key} only if its live value was written at {@code expectedSequence} (compare
   * and delete); emits whether it did.
   */
  Mono<Boolean> delete(Bytes key, long expectedSequence);

  /** Deletes every key starting with {@code prefix} (one range tombstone); emits how many. */
  Mono<Long> deletePrefix(Bytes prefix);

  /** Live entries whose key starts with {@code prefix}, ascending, at one snapshot. */
  Flux<Entry> scan(Bytes prefix);

  /**
   * Live entries of {@code range} at one snapshot, with real backpressure: each request pulls
   * that many entries from the engine; complete, error and cancel release the snapshot.
   */
  Flux<Entry> scan(KeyRange range);

  /**
   * The retained versions of {@code key}, newest first, each with its sequence; deletions and
   * expiries have no value. At most {@code versionsToKeep} (a store setting) entries.
   */
  Flux<KeyVersion> history(Bytes key);

  /**
   * Applies {@code batch} atomically: readers see all of it or none of it, and watches see its
   * changes, log records included, in batch order.
   */
  Mono<Void> write(WriteBatch batch);

  /**
   * Runs {@code work} in an optimistic serializable transaction and commits it, retrying on
   * conflict a few times with jittered backoff on a timer (never a sleep). Emits the work's
   * result. If the work fails, the transaction is rolled back and the error passed on.
   */
  <T> Mono<T> transact(Function<Transaction, Mono<T>> work);

  /** As {@link #transact(Function)}, retrying conflicts as {@code retry} says. */
  <T> Mono<T> transact(Function<Transaction, Mono<T>> work, Retry retry);

  /** Begins a read-write transaction for code that is not a lambda; commit or roll it back. */
  Mono<Transaction> begin();

  /** Begins a transaction; a read-only one needs no validation and refuses writes. */
  Mono<Transaction> begin(boolean readOnly);

  /** Pins the current state; close the snapshot when done (see {@code Mono.usingWhen}). */
  Mono<StoreSnapshot> snapshot();

  /**
   * Live changes under {@code prefix} committed after subscription, in commit order, each with
   * its sequence: puts, deletes, range deletes that overlap the prefix, expiries, and log
   * records ({@link WriteBatch.Builder#log}, never stored, seen only here). Honours
   * demand; a subscriber that falls further behind than the store's change log retains gets a
   * {@link dev.weir.engine.ChangesOverflowException} carrying the last delivered sequence (no
   * event is ever skipped silently).
   *
   * <p><b>When a watch is live.</b> A watch is live once its subscriber's {@code onSubscribe}
   * has been called (see {@code doOnSubscribe}): every change committed after that, by anyone,
   * is delivered. Implementations call {@code onSubscribe} only once the watch is registered:
   * the embedded store within {@code subscribe}, an event-bus client once the serving store has
   * registered it, a round trip later. A write made through the same store once {@code
   * subscribe} has returned is delivered too, even before {@code onSubscribe}: the event-bus
   * client sends it only after its opening watches are registered.
   */
  Flux<ChangeEvent> watch(Bytes prefix);

  /**
   * Changes under {@code prefix} from {@code fromSequence} on: {@code scan} at a snapshot, then
   * {@code watch(prefix, snapshot.sequence() + 1)}, misses nothing and duplicates nothing. A
   * sequence the change log no longer holds is a {@link
   * dev.weir.engine.ChangesUnavailableException}.
   */
  Flux<ChangeEvent> watch(Bytes prefix, long fromSequence);

  Mono<EngineStats> stats();

  /**
   * Flushes the memtables and merges every run into one level now, completing when the store
   * is settled: what a bulk load wants before reads (RocksDB's {@code CompactRange}). Contents
   * do not change; expired and deleted entries no snapshot can see are dropped. Writes go on
   * meanwhile and may leave a memtable behind.
   */
  Mono<Void> compact();

  /** Closes the store; idempotent. Writes in flight complete or fail, none hang. */
  Mono<Void> close();

  /**
   * Closes the store once every write subscribed before this call has been applied, writes held
   * back for compaction included: a graceful shutdown (the Spring starter's, on context close).
   * Writes subscribed meanwhile may be applied or fail with {@code StoreClosedException}. By
   * default, and for a client of a store served elsewhere, the same as {@link #close()}.
   */
  default Mono<Void> closeGracefully() {
    return close();
  }
}
