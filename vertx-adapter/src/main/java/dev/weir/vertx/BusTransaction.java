package dev.weir.vertx;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.Transaction;
import dev.weir.vertx.codec.Handle;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.PutRequest;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transaction held on the service under the client's lease. Its writes are buffered there,
 * validated and applied by the service's store at commit. A nested transaction is opened on the
 * service when first used, since {@link #nested()} must answer at once.
 */
final class BusTransaction implements Transaction {

  private final BusClient client;
  private final Mono<DeliveryOptions> delivery;
  private final long sequence;
  private final boolean readOnly;
  private final boolean root;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean rolledBack;

  private BusTransaction(BusClient client, Mono<DeliveryOptions> delivery, long sequence,
      boolean readOnly, boolean root) {
    this.client = client;
    this.delivery = delivery;
    this.sequence = sequence;
    this.readOnly = readOnly;
    this.root = root;
  }

  static BusTransaction begun(BusClient client, Handle handle) {
    client.held(1);
    return new BusTransaction(client, Mono.just(options(client, handle.id())), handle.sequence(),
        handle.readOnly(), true);
  }

  private static DeliveryOptions options(BusClient client, long id) {
    return client.headers(Map.of(Addresses.TX_ID, Long.toString(id)));
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }

  @Override
  public long snapshotSequence() {
    return sequence;
  }

  @Override
  public Mono<Bytes> get(Bytes key) {
    return delivery.flatMap(
        d -> client.request(Addresses.TX_GET, KeyRequest.of(key), d, Bytes.class));
  }

  @Override
  public Flux<Entry> scan(Bytes prefix) {
    return prefix == null
        ? Flux.error(new InvalidArgumentException("prefix must not be null"))
        : scan(KeyRange.prefix(prefix));
  }

  @Override
  public Flux<Entry> scan(KeyRange range) {
    return delivery.flatMapMany(d -> new ClientStream<Entry>(client, Addresses.SCAN, range, d));
  }

  @Override
  public Mono<Void> put(Bytes key, Bytes value) {
    return delivery.flatMap(
        d -> client.request(Addresses.TX_PUT, PutRequest.plain(key, value), d, Void.class));
  }

  @Override
  public Mono<Void> delete(Bytes key) {
    return delivery.flatMap(
        d -> client.request(Addresses.TX_DELETE, KeyRequest.of(key), d, Void.class));
  }

  @Override
  public Mono<Void> deletePrefix(Bytes prefix) {
    return delivery.flatMap(
        d -> client.request(Addresses.TX_DELETE_PREFIX, KeyRequest.of(prefix), d, Void.class));
  }

  @Override
  public Mono<Void> log(Bytes key, Bytes value) {
    return delivery.flatMap(
        d -> client.request(Addresses.TX_LOG, PutRequest.plain(key, value), d, Void.class));
  }

  @Override
  public Transaction nested() {
    Mono<DeliveryOptions> child = delivery
        .flatMap(d -> client.request(Addresses.TX_NESTED, null, d, Handle.class))
        .map(h -> options(client, h.id()))
        .cache();
    return new BusTransaction(client, child, sequence, readOnly, false);
  }

  @Override
  public Mono<Void> commit() {
    return delivery.flatMap(d -> client.request(Addresses.TX_COMMIT, null, d, Void.class))
        .doFinally(signal -> ended());
  }

  @Override
  public Mono<Void> rollback() {
    return Mono.defer(() -> rolledBack
        ? Mono.<Void>empty()
        : delivery.flatMap(d -> client.request(Addresses.TX_ROLLBACK, null, d, Void.class))
            .doOnSuccess(v -> rolledBack = true)
            .doFinally(signal -> ended()));
  }

  /** Rolls back without waiting: for a transaction whose subscriber cancelled first. */
  void release() {
    rollback().subscribe(v -> {}, e -> {});
  }

  private void ended() {
    if (root && ended.compareAndSet(false, true)) {
      client.held(-1);
    }
  }
}
