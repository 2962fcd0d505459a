package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Engine;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.WriteBatch;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.retry.Retry;

/**
 * The {@link ReactiveStore} over an in-process {@link Engine}: each method is a cold operator
 * that calls the engine on subscription. Reads stay on the subscriber's thread; writes signal
 * from the thread that completes their group.
 */
final class EmbeddedStore implements ReactiveStore, ObservableStore {

  private static final Long ZERO = 0L;

  private final Engine engine;
  private final Probe probe = new Probe();

  EmbeddedStore(Engine engine) {
    this.engine = engine;
  }

  Engine engine() {
    return engine;
  }

  @Override
  public AutoCloseable observe(OperationObserver observer) {
    return probe.observe(observer);
  }

  @Override
  public Mono<Bytes> get(Bytes key) {
    return new MonoRead<>(() -> engine.get(key), probe, Operation.GET);
  }

  @Override
  public Mono<Entry> getEntry(Bytes key) {
    return new MonoRead<>(() -> engine.getEntry(key, null), probe, Operation.GET);
  }

  @Override
  public Mono<Void> put(Bytes key, Bytes value) {
    return new MonoWrite<>(cb -> engine.put(key, value, cb), r -> null, probe, Operation.PUT);
  }

  @Override
  public Mono<Boolean> put(Bytes key, Bytes value, PutOptions options) {
    return new MonoWrite<>(
        cb -> {
          PutOptions o = options == null ? PutOptions.defaults() : options;
          engine.put(key, value, o.ttl(), o.expectedSequence(), cb);
        },
        r -> r == 1,
        probe,
        Operation.PUT);
  }

  @Override
  public Mono<Boolean> delete(Bytes key) {
    return new MonoWrite<>(cb -> engine.delete(key, cb), r -> r == 1, probe, Operation.DELETE);
  }

  @Override
  public Mono<Boolean> delete(Bytes key, long expectedSequence) {
    return new MonoWrite<>(
        cb -> {
          if (expectedSequence < 1) {
            throw new InvalidArgumentException(
                "expected sequence must be at least 1, was " + expectedSequence);
          }
          engine.delete(key, expectedSequence, cb);
        },
        r -> r == 1,
        probe,
        Operation.DELETE);
  }

  @Override
  public <T> Mono<T> transact(Function<Transaction, Mono<T>> work) {
    return transact(work, Transactions.DEFAULT_RETRY);
  }

  @Override
  public <T> Mono<T> transact(Function<Transaction, Mono<T>> work, Retry retry) {
    return Mono.defer(() -> {
      OperationObserver observer = probe.observer();
      Mono<T> run = Transactions.run(
          () -> EmbeddedTransaction.begin(engine, false), work, retry,
          observer == null ? null : observer::retried);
      return observer == null ? run : observed(run, observer);
    });
  }

  private static <T> Mono<T> observed(Mono<T> transaction, OperationObserver observer) {
    Mono<T> counted = transaction.doOnError(e -> observer.failed(Operation.TRANSACTION, e));
    if (!observer.started(Operation.TRANSACTION)) {
      return counted;
    }
    long start = System.nanoTime();
    return counted.doFinally(signal -> observer.finished(Operation.TRANSACTION,
        System.nanoTime() - start, signal == SignalType.ON_ERROR));
  }

  @Override
  public Mono<Transaction> begin() {
    return begin(false);
  }

  @Override
  public Mono<Transaction> begin(boolean readOnly) {
    return new MonoResource<Transaction>(
        () -> EmbeddedTransaction.begin(engine, readOnly),
        tx -> ((EmbeddedTransaction) tx).abandon());
  }

  @Override
  public Mono<Long> deletePrefix(Bytes prefix) {
    return new MonoWrite<>(
        cb -> engine.deletePrefix(prefix, cb), r -> r == 0 ? ZERO : r, probe, Operation.DELETE);
  }

  @Override
  public Flux<Entry> scan(Bytes prefix) {
    return FluxScan.observed(() -> engine.scan(prefixRange(prefix), null), probe);
  }

  @Override
  public Flux<Entry> scan(KeyRange range) {
    return FluxScan.observed(() -> engine.scan(range, null), probe);
  }

  @Override
  public Flux<KeyVersion> history(Bytes key) {
    return new MonoRead<>(() -> engine.history(key)).flatMapIterable(list -> list);
  }

  @Override
  public Mono<Void> write(WriteBatch batch) {
    return new MonoWrite<>(cb -> engine.write(batch, cb), r -> null, probe, Operation.WRITE);
  }

  @Override
  public Mono<StoreSnapshot> snapshot() {
    return new MonoResource<StoreSnapshot>(
        () -> new EmbeddedSnapshot(engine, engine.snapshot()),
        snapshot -> ((EmbeddedSnapshot) snapshot).release());
  }

  @Override
  public Flux<ChangeEvent> watch(Bytes prefix) {
    return new FluxWatch(engine, prefix, -1);
  }

  @Override
  public Flux<ChangeEvent> watch(Bytes prefix, long fromSequence) {
    return Flux.defer(
        () ->
            fromSequence < 1
                ? Flux.error(
                    new InvalidArgumentException(
                        "fromSequence must be at least 1, was " + fromSequence))
                : new FluxWatch(engine, prefix, fromSequence));
  }

  @Override
  public Mono<EngineStats> stats() {
    return new MonoRead<>(engine::stats);
  }

  @Override
  public Mono<Void> compact() {
    return Mono.defer(() -> Mono.fromFuture(engine.flushAndCompact()));
  }

  @Override
  public Mono<Void> close() {
    // a durable store completes once its log is synced and its directory released
    return Mono.defer(() -> Mono.fromFuture(engine.closeAsync(), true));
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.defer(() -> Mono.fromFuture(engine.closeAfterWrites(), true));
  }

  static KeyRange prefixRange(Bytes prefix) {
    if (prefix == null) {
      throw new InvalidArgumentException("prefix must not be null");
    }
    return KeyRange.prefix(prefix);
  }

  @Override
  public String toString() {
    return "EmbeddedStore[" + engine.config().name() + "]";
  }
}
