package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.TransactionConflictException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Transaction;
import dev.weir.table.CancellationReason;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ItemValidationException;
import dev.weir.table.Item;
import dev.weir.table.TransactionCanceledException;
import dev.weir.engine.InvalidArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writes items: every put, update, delete, batch and transaction of the tables comes here.
 *
 * <p><b>Design.</b> A table write is a read-modify-write: the new item depends on the old one
 * (an update, a condition, ALL_OLD), and so do the index entries to remove, the TTL entry and
 * the stream record (INSERT or MODIFY, the old image). The writer runs it as an optimistic
 * transaction of the store: it reads the items at a snapshot, computes each {@link ItemChange},
 * plans the engine writes with {@link ChangePlanner}, and commits them in one atomic batch that
 * the store validates against the items it read. A concurrent write to one of those items makes
 * the commit fail with a conflict, and the whole write runs again on a fresh snapshot (the
 * {@link #RETRY} policy, on a timer, never a sleep), so the item, its index entries and its
 * stream record always change together, as if writes to one item were serial.
 *
 * <p>Nothing is written unless every change succeeds: a false condition or an invalid result
 * fails the write, and a transaction of several items collects a reason per item (DynamoDB's
 * TransactionCanceled). The store's writer thread orders the commits; this class holds no
 * state of its own and is safe to share.
 */
final class ItemWriter {

  /** Conflicts are retried with jittered backoff: a busy item gets its turn without spinning. */
  static final Retry RETRY = Retry.backoff(64, Duration.ofNanos(50_000))
      .maxBackoff(Duration.ofMillis(20))
      .filter(e -> e instanceof TransactionConflictException);

  private final ReactiveStore store;
  private final LongSupplier nowMillis;

  ItemWriter(ReactiveStore store, LongSupplier nowMillis) {
    this.store = store;
    this.nowMillis = nowMillis;
  }

  /** Runs one item's write; a false condition fails it with {@link ConditionFailedException}. */
  Mono<WriteOutcome> write(PlannedWrite write) {
    return store.transact(tx -> tx.get(write.itemKey())
        .singleOptional()
        .flatMap(raw -> {
          long now = nowSeconds();
          EngineOps ops = new EngineOps();
          WriteOutcome outcome = change(write, raw.orElse(null), now, ops);
          return ops.isEmpty() ? Mono.just(outcome) : ops.applyTo(tx).thenReturn(outcome);
        }), RETRY);
  }

  /**
   * Runs several items' writes as one: all or none. When {@code transaction} is set, a change
   * that fails cancels the whole with a reason per item; otherwise its error is passed on.
   */
  Mono<List<WriteOutcome>> writeAll(List<PlannedWrite> writes, boolean transaction) {
    return Mono.defer(() -> {
      checkDistinct(writes);
      return store.transact(tx -> readAll(tx, writes).flatMap(raws -> {
        long now = nowSeconds();
        EngineOps ops = new EngineOps();
        List<WriteOutcome> outcomes = new ArrayList<>(writes.size());
        List<CancellationReason> reasons = new ArrayList<>(writes.size());
        boolean failed = false;
        for (int i = 0; i < writes.size(); i++) {
          try {
            outcomes.add(change(writes.get(i), raws.get(i).orElse(null), now, ops));
            reasons.add(CancellationReason.NONE);
          } catch (ConditionFailedException e) {
            if (!transaction) {
              throw e;
            }
            failed = true;
            reasons.add(new CancellationReason(CancellationReason.Code.CONDITIONAL_CHECK_FAILED,
                e.getMessage(), e.oldItem().orElse(null)));
          } catch (InvalidArgumentException e) {
            if (!transaction) {
              throw e;
            }
            failed = true;
            reasons.add(new CancellationReason(
                CancellationReason.Code.VALIDATION_ERROR, e.getMessage(), null));
          }
        }
        if (failed) {
          return Mono.error(new TransactionCanceledException(reasons));
        }
        return ops.isEmpty() ? Mono.just(outcomes) : ops.applyTo(tx).thenReturn(outcomes);
      }), RETRY);
    });
  }

  /**
   * Applies unconditional puts and deletes to simple tables (see {@link TableFormat#isSimple})
   * as one batch, reading nothing first.
   */
  Mono<Void> writeBlind(List<PlannedWrite> writes) {
    return Mono.defer(() -> {
      checkDistinct(writes);
      EngineOps ops = new EngineOps();
      for (PlannedWrite w : writes) {
        Item next = w.change().apply(null, 0);
        if (next == null) {
          ops.delete(w.itemKey());
        } else {
          ops.put(w.itemKey(), w.table().storedValue(next));
        }
      }
      return store.write(ops.toBatch());
    });
  }

  private static Mono<List<Optional<Bytes>>> readAll(Transaction tx, List<PlannedWrite> writes) {
    return Flux.fromIterable(writes)
        .concatMap(w -> tx.get(w.itemKey()).map(Optional::of).defaultIfEmpty(Optional.empty()))
        .collectList();
  }

  private WriteOutcome change(PlannedWrite write, Bytes raw, long now, EngineOps ops) {
    TableFormat table = write.table();
    Item stored = raw == null ? null : table.decodeItem(write.key(), raw);
    boolean expired = stored != null && Expiry.isExpired(table.expiry(stored), now);
    Item current = expired ? null : stored;
    Item next = write.change().apply(current, now);
    if (next != null && next != current && next != write.checked()) {
      if (!table.checkItem(next).equals(write.itemKey())) {
        throw new ItemValidationException("a write may not change the key attributes "
            + table.schema().key() + " of the item it writes");
      }
    }
    ChangePlanner.plan(table, write.itemKey(), stored, expired, next, false, ops);
    return new WriteOutcome(current, next);
  }

  /** Removes an item found expired by the TTL sweep, if it still is; true if it did. */
  Mono<Boolean> removeExpired(TableFormat table, Bytes itemKey, Item key) {
    return store.transact(tx -> tx.get(itemKey)
        .flatMap(raw -> {
          Item stored = table.decodeItem(key, raw);
          if (!Expiry.isExpired(table.expiry(stored), nowSeconds())) {
            return Mono.just(false); // written again since the sweep saw it
          }
          EngineOps ops = new EngineOps();
          ChangePlanner.plan(table, itemKey, stored, true, null, true, ops);
          return ops.applyTo(tx).thenReturn(true);
        })
        .defaultIfEmpty(false), RETRY);
  }

  long nowSeconds() {
    return Math.floorDiv(nowMillis.getAsLong(), 1000L);
  }

  private static void checkDistinct(List<PlannedWrite> writes) {
    Set<Bytes> seen = new HashSet<>();
    for (PlannedWrite w : writes) {
      if (!seen.add(w.itemKey())) {
        throw new ItemValidationException("a batch or transaction may not write the same item"
            + " twice: " + w.key() + " in table " + w.table().name());
      }
    }
  }
}
