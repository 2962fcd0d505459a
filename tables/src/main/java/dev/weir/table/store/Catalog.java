package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import dev.weir.table.TableExistsException;
import dev.weir.table.TableNotFoundException;
import dev.weir.table.TableSchema;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The tables of a store: their catalog entries, and a cache of their formats so an item
 * operation does not read and decode its table's entry each time.
 *
 * <p><b>Why the cache is safe.</b> It is trusted only while a watch on the catalog's key range
 * is live: every catalog change, by this store or another {@code TableStore} over the same
 * store, evicts its table. A lookup that misses reads the entry and caches it only if no
 * eviction happened since it began (the {@code epoch} check), so a stale entry is never cached
 * after its change was seen. Without a live watch (not yet started, failed, closed), every
 * lookup reads the store. The cache is a concurrent map; the watch's signals and callers touch
 * it from any thread.
 */
final class Catalog {

  private static final Retry CATALOG_RETRY = Retry.backoff(20, java.time.Duration.ofMillis(1))
      .maxBackoff(java.time.Duration.ofMillis(50))
      .filter(e -> e instanceof dev.weir.engine.TransactionConflictException);

  private final ReactiveStore store;
  private final LongSupplier epochMillis;
  /**
   * Told of each table read from the store or created (the TTL sweep starts on the first with
   * a TTL attribute). Set once by the owner's constructor, before the catalog is used.
   */
  private Consumer<TableSchema> seen = schema -> { };
  private final ConcurrentHashMap<String, TableFormat> cache = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private volatile boolean watching;
  private volatile boolean closed;
  private Disposable watch; // guarded by this

  Catalog(ReactiveStore store, LongSupplier epochMillis) {
    this.store = store;
    this.epochMillis = epochMillis;
  }

  void onSeen(Consumer<TableSchema> seen) {
    this.seen = seen;
  }

  /** The table called {@code name}, from the cache when it can be trusted. */
  Mono<TableFormat> resolve(String name) {
    TableFormat cached = cached(name);
    if (cached != null) {
      return Mono.just(cached);
    }
    return Mono.defer(() -> {
      startWatch();
      long before = epoch.get();
      return store.get(TableKeys.catalogKey(name))
          .switchIfEmpty(Mono.error(() -> notFound(name)))
          .map(value -> {
            TableFormat format = new TableFormat(SchemaCodec.decode(value), value);
            seen.accept(format.schema());
            if (watching && epoch.get() == before) {
              cache.put(name, format);
            }
            return format;
          });
    });
  }

  /** The cached format of {@code name}, or null when absent or not to be trusted now. */
  TableFormat cached(String name) {
    return watching ? cache.get(name) : null;
  }

  Mono<TableFormat> create(TableSchema schema) {
    Bytes key = TableKeys.catalogKey(schema.name());
    return store.transact(tx -> tx.get(key)
        .flatMap(existing -> Mono.<TableFormat>error(
            new TableExistsException("table " + schema.name() + " exists already")))
        .switchIfEmpty(Mono.defer(() -> tx.get(TableKeys.LAST_ID)
            .map(last -> ByteBuffer.wrap(last.toByteArray()).getInt())
            .defaultIfEmpty(0)
            .flatMap(last -> {
              if (last == Integer.MAX_VALUE) {
                return Mono.error(new dev.weir.engine.StoreFullException(
                    "no table ids left: 2^31 tables were created in this store"));
              }
              TableRecord record = new TableRecord(schema, last + 1, epochMillis.getAsLong());
              Bytes value = SchemaCodec.encode(record);
              return tx.put(TableKeys.LAST_ID,
                      Bytes.wrap(ByteBuffer.allocate(4).putInt(last + 1).array()))
                  .then(tx.put(key, value))
                  .thenReturn(new TableFormat(record, value));
            }))), CATALOG_RETRY)
        .doOnNext(format -> {
          evict(schema.name());
          seen.accept(format.schema());
        });
  }

  Mono<Void> delete(String name) {
    Bytes key = TableKeys.catalogKey(name);
    return store.transact(tx -> tx.get(key)
        .switchIfEmpty(Mono.error(() -> notFound(name)))
        .flatMap(value -> {
          TableFormat format = new TableFormat(SchemaCodec.decode(value), value);
          return tx.delete(key).then(tx.deletePrefix(format.keys().table()));
        })
        .thenReturn(true), CATALOG_RETRY)
        .doOnNext(done -> evict(name))
        .then();
  }

  /** Every table's format, in name order, read at one snapshot. */
  Flux<TableFormat> all() {
    return store.scan(KeyRange.prefix(TableKeys.CATALOG))
        .map(entry -> new TableFormat(SchemaCodec.decode(entry.value()), entry.value()));
  }

  Flux<String> names() {
    return all().map(TableFormat::name);
  }

  private void evict(String name) {
    epoch.incrementAndGet();
    cache.remove(name);
  }

  private synchronized void startWatch() {
    if (watch != null || closed) {
      return;
    }
    watch = store.watch(TableKeys.CATALOG)
        .doOnSubscribe(s -> watching = true)
        .subscribe(this::onCatalogChange, this::onWatchEnd, () -> onWatchEnd(null));
  }

  private void onCatalogChange(ChangeEvent event) {
    Bytes key = event.key();
    if (event.type() == ChangeEvent.Type.RANGE_DELETE
        || key.length() <= TableKeys.CATALOG.length()) {
      epoch.incrementAndGet();
      cache.clear();
      return;
    }
    evict(key.slice(TableKeys.CATALOG.length(), key.length() - TableKeys.CATALOG.length())
        .asUtf8());
  }

  // a lapsed watch is restarted by the next lookup that misses; until then, nothing is trusted
  private synchronized void onWatchEnd(Throwable error) {
    watching = false;
    epoch.incrementAndGet();
    cache.clear();
    watch = null;
  }

  synchronized void close() {
    closed = true;
    watching = false;
    cache.clear();
    if (watch != null) {
      watch.dispose();
      watch = null;
    }
  }

  static TableNotFoundException notFound(String name) {
    return new TableNotFoundException("table " + name + " does not exist");
  }
}
