package dev.weir.vertx;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.ObjectConfig;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.testkit.ObjectStoreConformance;
import dev.weir.testkit.TableConformanceFixture;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Stores served on one Vert.x and used through a client on another (or the same): each
 * {@link #create} opens a fresh in-memory store under a new name, each {@link #createObjects} a
 * fresh object store over one. {@link #closeAll} unbinds them and closes the stores, which the
 * clients' own {@code close()} does not.
 */
final class Served {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final Vertx serverNode;
  private final Vertx clientNode;
  private final ServiceOptions serviceOptions;
  private final ClientOptions clientOptions;
  private final List<StoreBinding> bindings = new ArrayList<>();
  private final List<ReactiveStore> stores = new ArrayList<>();
  private final List<Supplier<Mono<Void>>> clients = new ArrayList<>();

  Served(Vertx serverNode, Vertx clientNode, ServiceOptions serviceOptions,
      ClientOptions clientOptions) {
    this.serverNode = serverNode;
    this.clientNode = clientNode;
    this.serviceOptions = serviceOptions;
    this.clientOptions = clientOptions;
  }

  Served(Vertx node) {
    this(node, node, ServiceOptions.defaults(), ClientOptions.defaults());
  }

  EventBusStore create(EngineConfig config) {
    return serve(Weir.inMemory(config));
  }

  /** Serves {@code store} under a new name and returns a client that can already reach it. */
  EventBusStore serve(ReactiveStore store) {
    EventBusStore client = serveUnchecked(store);
    reachable(client);
    return client;
  }

  /** Serves {@code store} without checking that the client reaches it (a stub may not answer). */
  EventBusStore serveUnchecked(ReactiveStore store) {
    EventBusStore client = EventBusStore.create(clientNode, bind(store, null), clientOptions);
    track(client::close);
    return client;
  }

  /** Another key-value client of the store served as {@code name}, closed with the others. */
  EventBusStore serveClient(String name) {
    EventBusStore client = EventBusStore.create(clientNode, name, clientOptions);
    track(client::close);
    return client;
  }

  /** A fresh object store as the conformance suite describes it, and a client that reaches it. */
  EventBusObjectStore createObjects(ObjectStoreConformance.Settings settings) {
    ReactiveStore kv = Weir.inMemory(EngineConfig.builder()
        .clock(settings.clock())
        .maxMemoryBytes(settings.maxMemoryBytes())
        // a small budget needs memtables below it, as in the embedded store's run
        .memtableBytes(Math.min(8L << 20, Math.max(64 * 1024, settings.maxMemoryBytes() / 4)))
        .build());
    return serveObjects(kv, ObjectStore.over(kv, ObjectConfig.defaults()
        .withClock(settings.clock())
        .withChunkSize(settings.chunkSize())
        .withUploadExpiry(settings.uploadExpiry())));
  }

  /** Serves {@code kv} with {@code objects} under a new name; a client of the objects. */
  EventBusObjectStore serveObjects(ReactiveStore kv, ObjectStore objects) {
    String name = bind(kv, objects);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        // a clustered node may learn of a new registration a moment after it completed
        EventBusObjectStore client =
            Nodes.await(EventBusObjectStore.connect(clientNode, name, clientOptions));
        track(client::close);
        return client;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Await.pause(Duration.ofMillis(20));
      }
    }
  }

  /**
   * A fresh store as the tables conformance section describes it, served with its tables on
   * the section's clock, and a client of the tables that can already reach them.
   */
  EventBusTableStore createTables(TableConformanceFixture.Settings settings) {
    String name = bind(Weir.inMemory(settings.engineConfig()), null,
        serviceOptions.withTableOptions(settings.tableStoreOptions()));
    EventBusTableStore client = EventBusTableStore.create(clientNode, name, clientOptions);
    track(client::close);
    reachable(() -> client.listTables().then().block(Duration.ofSeconds(5)));
    return client;
  }

  private String bind(ReactiveStore store, ObjectStore objects) {
    return bind(store, objects, serviceOptions);
  }

  private synchronized String bind(ReactiveStore store, ObjectStore objects,
      ServiceOptions options) {
    String name = "s" + NAMES.incrementAndGet();
    stores.add(store);
    bindings.add(Nodes.await(StoreService.bind(serverNode, store, objects, name, options)));
    return name;
  }

  StoreBinding lastBinding() {
    return bindings.get(bindings.size() - 1);
  }

  /** A clustered node may learn of a new registration a moment after it completed. */
  private static void reachable(EventBusStore client) {
    reachable(() -> client.stats().block(Duration.ofSeconds(5)));
  }

  private static void reachable(Runnable probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        probe.run();
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Await.pause(Duration.ofMillis(20));
      }
    }
  }

  private synchronized void track(Supplier<Mono<Void>> close) {
    clients.add(close);
  }

  /**
   * Closes the clients first (closing twice is fine): a clustered bus drops a message that
   * reaches a node no longer serving its address, so a client's release sent after the unbind
   * could wait out its whole timeout.
   */
  synchronized void closeAll() {
    clients.forEach(c -> c.get().block(Nodes.GUARD));
    clients.clear();
    bindings.forEach(b -> Nodes.await(b.unbind()));
    stores.forEach(s -> s.close().block(Nodes.GUARD));
    bindings.clear();
    stores.clear();
  }
}
