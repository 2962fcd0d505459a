package dev.weir.table.store;

import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import dev.weir.table.TableSchema;
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
 *
 * <p><b>Ticking only when there is something to sweep.</b> The ticks start when this table store
 * first sees a table with a TTL attribute: one in the catalog when it opens (a durable store
 * reopened), one it creates, or one it reads from the catalog (made by another table store over
 * the same store, and used here). A store without TTL tables never ticks, so a served store
 * does not wake a thread each second for nothing. Once started the ticks go on until {@link
 * #stop()}. {@code ticks} and {@code stopped} are volatile: {@link #seen} and {@link #stop} may
 * race from any threads, and whichever comes second sees the other's write.
 */
final class TtlSweeper {

  private final ReactiveStore store;
  private final Catalog catalog;
  private final ItemWriter writer;
  private final Duration interval;
  private final Scheduler scheduler;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile Disposable ticks;

  TtlSweeper(ReactiveStore store, Catalog catalog, ItemWriter writer, Duration interval,
      Scheduler scheduler) {
    this.store = store;
    this.catalog = catalog;
    this.writer = writer;
    this.interval = interval;
    this.scheduler = scheduler;
  }

  /** Starts the ticks if the catalog already holds a table with a TTL attribute. */
  void startIfAnyTableHasTtl() {
    Flux.defer(catalog::all) // a store that throws instead of signalling: nothing swept
        .filter(table -> table.schema().ttlAttribute() != null)
        .next()
        .subscribe(table -> start(), e -> { }); // a store that cannot be read has nothing due
  }

  /** Called with each table this store creates or reads from its catalog. */
  void seen(TableSchema schema) {
    if (schema.ttlAttribute() != null && !started.get()) {
      start();
    }
  }

  private void start() {
    if (stopped || !started.compareAndSet(false, true)) {
      return;
    }
    ticks = Flux.interval(interval, interval, scheduler)
        .onBackpressureDrop()
        .concatMap(tick -> sweepAll().onErrorResume(e -> Mono.empty()), 1)
        .subscribe();
    if (stopped) {
      ticks.dispose(); // stop() ran meanwhile and found no ticks to dispose
    }
  }

  /** Whether the background ticks run. */
  boolean ticking() {
    return ticks != null && !stopped;
  }

  void stop() {
    stopped = true;
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
