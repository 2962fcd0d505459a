package dev.weir.vertx;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import dev.weir.reactive.Transaction;
import dev.weir.reactive.Transactions;
import dev.weir.vertx.codec.Handle;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.PutRequest;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A {@link ReactiveStore} served on another verticle or another node, used through the event
 * bus as if it were local: application code does not change when the store moves.
 *
 * <p>Every method is cold and never throws; results arrive on the caller's Vert.x context when
 * it has one. Failures are the same {@code WeirException} kinds the served store raised, code
 * for code; a store that does not answer within {@link ClientOptions#requestTimeout()} gives a
 * {@code WeirException} with code {@code TIMEOUT}: a request, a stream's opening, or a scan or
 * history that stops sending what its subscriber asked for (a watch may be quiet forever). Scans,
 * watches and histories stream under credit-based flow control, so the subscriber's
 * backpressure reaches the serving store.
 *
 * <p>{@link #close()} closes this client, not the served store (other clients may share it):
 * later calls fail with {@code StoreClosedException}, and the service releases the snapshots,
 * transactions and streams this client held.
 */
public final class EventBusStore implements ReactiveStore {

  /** Transactions.run retries nothing here: the whole begin-work-commit is retried instead. */
  private static final Retry ONCE =
      Retry.max(0).onRetryExhaustedThrow((spec, signal) -> signal.failure());

  private final BusClient client;
  private final String name;

  private EventBusStore(BusClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** A client of the store served as {@code name} (under {@code options.prefix()}). */
  public static EventBusStore create(Vertx vertx, String name, ClientOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return new EventBusStore(new BusClient(vertx, name, options), name);
  }

  public static EventBusStore create(Vertx vertx, String name) {
    return create(vertx, name, ClientOptions.defaults());
  }

  @Override
  public Mono<Bytes> get(Bytes key) {
    return client.request(Addresses.GET, KeyRequest.of(key), client.plain(), Bytes.class);
  }

  @Override
  public Mono<Entry> getEntry(Bytes key) {
    return client.request(Addresses.GET_ENTRY, KeyRequest.of(key), client.plain(), Entry.class);
  }

  @Override
  public Mono<Void> put(Bytes key, Bytes value) {
    return client.request(Addresses.PUT, PutRequest.plain(key, value), client.plain(),
        Void.class);
  }

  @Override
  public Mono<Boolean> put(Bytes key, Bytes value, PutOptions options) {
    return client.request(Addresses.PUT, PutRequest.withOptions(key, value, options),
        client.plain(), Boolean.class);
  }

  @Override
  public Mono<Boolean> delete(Bytes key) {
    return client.request(Addresses.DELETE, KeyRequest.of(key), client.plain(), Boolean.class);
  }

  @Override
  public Mono<Boolean> delete(Bytes key, long expectedSequence) {
    return client.request(Addresses.DELETE_IF, new KeyRequest(key, expectedSequence),
        client.plain(), Boolean.class);
  }

  @Override
  public Mono<Long> deletePrefix(Bytes prefix) {
    return client.request(Addresses.DELETE_PREFIX, KeyRequest.of(prefix), client.plain(),
        Long.class);
  }

  @Override
  public Flux<Entry> scan(Bytes prefix) {
    return prefix == null
        ? Flux.error(new InvalidArgumentException("prefix must not be null"))
        : scan(KeyRange.prefix(prefix));
  }

  @Override
  public Flux<Entry> scan(KeyRange range) {
    return new ClientStream<>(client, Addresses.SCAN, range, client.owned());
  }

  @Override
  public Flux<KeyVersion> history(Bytes key) {
    return new ClientStream<>(client, Addresses.HISTORY, KeyRequest.of(key), client.owned());
  }

  @Override
  public Mono<Void> write(WriteBatch batch) {
    return client.request(Addresses.WRITE, batch, client.plain(), Void.class);
  }

  @Override
  public <T> Mono<T> transact(Function<Transaction, Mono<T>> work) {
    return transact(work, Transactions.DEFAULT_RETRY);
  }

  /**
   * Begins on the service, then runs the shared begin-work-commit of {@link Transactions} (which
   * needs its transaction at once, and beginning here is a round trip); a conflict retries the
   * whole, beginning anew, as {@code retry} says.
   */
  @Override
  public <T> Mono<T> transact(Function<Transaction, Mono<T>> work, Retry retry) {
    return begin(false)
        .flatMap(tx -> Transactions.run(() -> tx, work, ONCE))
        .retryWhen(retry);
  }

  @Override
  public Mono<Transaction> begin() {
    return begin(false);
  }

  @Override
  public Mono<Transaction> begin(boolean readOnly) {
    return client.<Transaction>request(Addresses.BEGIN, readOnly, client.owned(),
        h -> BusTransaction.begun(client, (Handle) h),
        tx -> ((BusTransaction) tx).release());
  }

  @Override
  public Mono<StoreSnapshot> snapshot() {
    return client.<StoreSnapshot>request(Addresses.SNAPSHOT, null, client.owned(),
        h -> new BusSnapshot(client, ((Handle) h).id(), ((Handle) h).sequence()),
        s -> ((BusSnapshot) s).release());
  }

  @Override
  public Flux<ChangeEvent> watch(Bytes prefix) {
    return new ClientStream<>(client, Addresses.WATCH, KeyRequest.of(prefix), client.owned(),
        true, client.options().window());
  }

  @Override
  public Flux<ChangeEvent> watch(Bytes prefix, long fromSequence) {
    return new ClientStream<>(client, Addresses.WATCH_FROM, new KeyRequest(prefix, fromSequence),
        client.owned(), true, client.options().window());
  }

  @Override
  public Mono<EngineStats> stats() {
    return client.request(Addresses.STATS, null, client.plain(), EngineStats.class);
  }

  @Override
  public Mono<Void> compact() {
    return client.request(Addresses.COMPACT, null, client.plain(), Void.class);
  }

  /** Closes this client (not the served store); idempotent. */
  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> Mono.fromCompletionStage(client.close().toCompletionStage()));
  }

  @Override
  public String toString() {
    return "EventBusStore[" + client.address("*") + "]";
  }
}
