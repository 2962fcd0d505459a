package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.Engine;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.engine.Snapshot;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A {@link StoreSnapshot} over an engine {@link Snapshot}. */
final class EmbeddedSnapshot implements StoreSnapshot {

  private final Engine engine;
  private final Snapshot snapshot;

  EmbeddedSnapshot(Engine engine, Snapshot snapshot) {
    this.engine = engine;
    this.snapshot = snapshot;
  }

  @Override
  public long sequence() {
    return snapshot.sequence();
  }

  @Override
  public Mono<Bytes> get(Bytes key) {
    return new MonoRead<>(() -> engine.get(key, snapshot));
  }

  @Override
  public Mono<Entry> getEntry(Bytes key) {
    return new MonoRead<>(() -> engine.getEntry(key, snapshot));
  }

  @Override
  public Flux<Entry> scan(Bytes prefix) {
    return FluxScan.of(() -> engine.scan(EmbeddedStore.prefixRange(prefix), snapshot));
  }

  @Override
  public Flux<Entry> scan(KeyRange range) {
    return FluxScan.of(() -> engine.scan(range, snapshot));
  }

  @Override
  public Mono<Void> close() {
    return new MonoRead<Void>(
        () -> {
          snapshot.close();
          return null;
        });
  }

  void release() {
    snapshot.close();
  }

  @Override
  public String toString() {
    return snapshot.toString();
  }
}
