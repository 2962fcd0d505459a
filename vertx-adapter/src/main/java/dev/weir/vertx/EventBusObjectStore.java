package dev.weir.vertx;

import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.BucketInfo;
import dev.weir.reactive.object.BucketStats;
import dev.weir.reactive.object.Features;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.vertx.codec.ObjectRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An {@link ObjectStore} served on another verticle or another node, used through the event bus
 * as if it were local: application code does not change when the store moves.
 *
 * <p>As {@link EventBusStore}: every method is cold and never throws, results arrive on the
 * caller's Vert.x context when it has one, failures are the served store's exception kinds (a
 * not-found with its kind, a {@code BucketNotEmptyException}, an {@code InvalidPartException}...)
 * and a store that does not answer gives a {@code TIMEOUT}. Object reads stream under the
 * credit protocol with a window of {@link ClientOptions#readWindow()} pieces; uploads stream the
 * content with at most {@link ClientOptions#uploadWindow()} chunks in flight, reading it no
 * faster than the store takes it. A cancelled upload stores nothing.
 *
 * <p>{@link #connect} asks the service once for its {@link Features} (so {@link #features()}
 * answers at once, as the interface wants). {@link #close()} closes this client, not the served
 * store.
 */
public final class EventBusObjectStore implements ObjectStore {

  private final BusClient client;
  private final Features features;

  private EventBusObjectStore(BusClient client, Features features) {
    this.client = client;
    this.features = features;
  }

  /**
   * A client of the objects of the store served as {@code name} (under {@code
   * options.prefix()}); fails with a {@code StoreClosedException} when no store with objects is
   * served there, or a {@code TIMEOUT} when it does not answer.
   */
  public static Future<EventBusObjectStore> connect(Vertx vertx, String name,
      ClientOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    BusClient client = new BusClient(vertx, name, options);
    String address = client.address(Addresses.OBJ_FEATURES);
    return client.requestNow(Addresses.OBJ_FEATURES, null, client.plain())
        .map(m -> new EventBusObjectStore(client, (Features) m.body()))
        .recover(e -> client.close().transform(
            closed -> Future.failedFuture(Failures.fromBus(e, address))));
  }

  public static Future<EventBusObjectStore> connect(Vertx vertx, String name) {
    return connect(vertx, name, ClientOptions.defaults());
  }

  @Override
  public Mono<BucketInfo> createBucket(String name) {
    return client.request(Addresses.OBJ_CREATE_BUCKET, ObjectRequest.bucket(name),
        client.plain(), BucketInfo.class);
  }

  @Override
  public Mono<Void> deleteBucket(String name) {
    return client.request(Addresses.OBJ_DELETE_BUCKET, ObjectRequest.bucket(name),
        client.plain(), Void.class);
  }

  @Override
  public Flux<BucketInfo> listBuckets() {
    return new ClientStream<>(client, Addresses.OBJ_LIST_BUCKETS, null, client.owned());
  }

  /** A handle on the bucket; as the embedded store's, nothing is checked until it is used. */
  @Override
  public Bucket bucket(String name) {
    return new EventBusBucket(client, Objects.requireNonNull(name, "name"));
  }

  /** The served store's features, as they were at {@link #connect}. */
  @Override
  public Features features() {
    return features;
  }

  @Override
  public Mono<Long> expireUploads() {
    return client.request(Addresses.OBJ_EXPIRE_UPLOADS, null, client.plain(), Long.class);
  }

  @Override
  public Flux<BucketStats> stats() {
    return new ClientStream<>(client, Addresses.OBJ_STATS, null, client.owned());
  }

  /**
   * Closes this client (not the served store); idempotent. Open reads fail and unfinished
   * uploads are cancelled, storing nothing.
   */
  public Mono<Void> close() {
    return Mono.defer(() -> Mono.fromCompletionStage(client.close().toCompletionStage()));
  }

  @Override
  public String toString() {
    return "EventBusObjectStore[" + client.address("object.*") + "]";
  }
}
