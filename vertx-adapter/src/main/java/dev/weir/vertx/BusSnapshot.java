package dev.weir.vertx;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.StoreSnapshot;
import dev.weir.vertx.codec.KeyRequest;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A snapshot held on the service under the client's lease and named by its id. Reads through a
 * closed (or expired) snapshot fail there with the same error the embedded store gives.
 */
final class BusSnapshot implements StoreSnapshot {

  private final BusClient client;
  private final long id;
  private final long sequence;
  private final DeliveryOptions delivery;
  private final AtomicBoolean closed = new AtomicBoolean();

  BusSnapshot(BusClient client, long id, long sequence) {
    this.client = client;
    this.id = id;
    this.sequence = sequence;
    this.delivery = client.headers(Map.of(Addresses.SNAPSHOT_ID, Long.toString(id)));
    client.held(1);
  }

  @Override
  public long sequence() {
    return sequence;
  }

  @Override
  public Mono<Bytes> get(Bytes key) {
    return client.request(Addresses.SNAPSHOT_GET, KeyRequest.of(key), delivery, Bytes.class);
  }

  @Override
  public Mono<Entry> getEntry(Bytes key) {
    return client.request(Addresses.SNAPSHOT_GET_ENTRY, KeyRequest.of(key), delivery,
        Entry.class);
  }

  @Override
  public Flux<Entry> scan(Bytes prefix) {
    return prefix == null
        ? Flux.error(new InvalidArgumentException("prefix must not be null"))
        : scan(KeyRange.prefix(prefix));
  }

  @Override
  public Flux<Entry> scan(KeyRange range) {
    return new ClientStream<>(client, Addresses.SCAN, range, delivery);
  }

  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      client.held(-1);
      // a closed client already released everything it held
      return client.isClosed()
          ? Mono.empty()
          : client.request(Addresses.SNAPSHOT_CLOSE, null, delivery, Void.class);
    });
  }

  /** Closes without waiting: for a snapshot whose subscriber cancelled before taking it. */
  void release() {
    close().subscribe(v -> {}, e -> {});
  }

  @Override
  public String toString() {
    return "BusSnapshot[" + id + " @" + sequence + "]";
  }
}
