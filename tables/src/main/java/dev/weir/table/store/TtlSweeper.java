package dev.weir.table.store;

import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Removes expired items in the background. Reads never return an expired item, so the sweep is
 * not what makes expiry exact: it frees the memory and writes each removal to the table's
 * stream, marked as by TTL. Each table with a TTL attribute keeps a schedule of its items by
 * expiry second; a sweep reads the schedule up to now and removes each item that is still
 * expired (one written again meanwhile is left alone), through the same writer as every other
 * write. Runs on the store's timer scheduler, one sweep at a time: a sweep that is still going
 * when the next tick comes makes that tick skip.
 */
final class TtlSweeper {

  private final ReactiveStore store;
  private final Catalog catalog;
  private final ItemWriter writer;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile Disposable ticks;

  TtlSweeper(ReactiveStore store, Catalog catalog, ItemWriter writer) {
    this.store = store;
    this.catalog = catalog;
    this.writer = writer;
  }

  void start(Duration interval, Scheduler scheduler) {
    ticks = Flux.interval(interval, interval, scheduler)
        .onBackpressureDrop()
        .concatMap(tick -> sweepAll().onErrorResume(e -> Mono.empty()), 1)
        .subscribe();
  }

  void stop() {
    Disposable d = ticks;
    if (d != null) {
      d.dispose();
    }
  }

  /** Sweeps every table with a TTL attribute; emits how many items it removed. */
  Mono<Long> sweepAll() {
    return Mono.defer(() -> {
      if (!sweeping.compareAndSet(false, true)) {
        return Mono.just(0L);
      }
      return catalog.all()
          .filter(table -> table.schema().ttlAttribute() != null)
          .concatMap(this::sweep)
          .reduce(0L, Long::sum)
          .doFinally(signal -> sweeping.set(false));
    });
  }

  /** Sweeps one table; emits how many items it removed. */
  Mono<Long> sweep(TableFormat table) {
    return Mono.defer(() -> {
      long now = writer.nowSeconds();
      KeyRange due = KeyRange.of(table.keys().ttl(), table.ttlBound(now + 1));
      return store.scan(due)
          .concatMap(entry -> {
            var key = table.decodeTtlKey(entry.key());
            return writer.removeExpired(table, table.itemKey(key), key);
          }, 16)
          .filter(removed -> removed)
          .count();
    });
  }
}
