package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import dev.weir.reactive.Transaction;
import java.util.function.Function;
import reactor.util.retry.Retry;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A store that counts point reads of chunk keys, to prove what a ranged read touches. */
final class CountingStore implements ReactiveStore {

  final AtomicLong chunkGets = new AtomicLong();
  private final ReactiveStore d;

  CountingStore(ReactiveStore delegate) {
    this.d = delegate;
  }

  private Bytes count(Bytes key) {
    if (key.toString().contains("/c/") || key.toHex().contains("2f632f")) {
      chunkGets.incrementAndGet();
    }
    return key;
  }

  @Override public Mono<Bytes> get(Bytes key) { return d.get(count(key)); }
  @Override public Mono<Entry> getEntry(Bytes key) { return d.getEntry(count(key)); }
  @Override public Mono<Void> put(Bytes key, Bytes value) { return d.put(key, value); }
  @Override public Mono<Boolean> put(Bytes key, Bytes value, PutOptions o) {
    return d.put(key, value, o);
  }
  @Override public Mono<Boolean> delete(Bytes key) { return d.delete(key); }
  @Override public Mono<Long> deletePrefix(Bytes prefix) { return d.deletePrefix(prefix); }
  @Override public Flux<Entry> scan(Bytes prefix) { return d.scan(prefix); }
  @Override public Flux<Entry> scan(KeyRange range) { return d.scan(range); }
  @Override public Flux<KeyVersion> history(Bytes key) { return d.history(key); }
  @Override public Mono<Void> write(WriteBatch batch) { return d.write(batch); }
  @Override public Mono<EngineStats> stats() { return d.stats(); }
  @Override public Mono<Void> compact() { return d.compact(); }
  @Override public Mono<Void> close() { return d.close(); }
  @Override public Mono<Boolean> delete(Bytes key, long seq) { return d.delete(key, seq); }
  @Override public Flux<ChangeEvent> watch(Bytes prefix) { return d.watch(prefix); }
  @Override public Flux<ChangeEvent> watch(Bytes prefix, long from) { return d.watch(prefix, from); }
  @Override public Mono<Transaction> begin() { return d.begin(); }
  @Override public Mono<Transaction> begin(boolean readOnly) { return d.begin(readOnly); }
  @Override public <T> Mono<T> transact(Function<Transaction, Mono<T>> work) {
    return d.transact(work);
  }
  @Override public <T> Mono<T> transact(Function<Transaction, Mono<T>> work, Retry retry) {
    return d.transact(work, retry);
  }

  @Override
  public Mono<StoreSnapshot> snapshot() {
    return d.snapshot().map(s -> new StoreSnapshot() {
      @Override public long sequence() { return s.sequence(); }
      @Override public Mono<Bytes> get(Bytes key) { return s.get(count(key)); }
      @Override public Mono<Entry> getEntry(Bytes key) { return s.getEntry(count(key)); }
      @Override public Flux<Entry> scan(Bytes prefix) { return s.scan(prefix); }
      @Override public Flux<Entry> scan(KeyRange range) { return s.scan(range); }
      @Override public Mono<Void> close() { return s.close(); }
    });
  }
}
