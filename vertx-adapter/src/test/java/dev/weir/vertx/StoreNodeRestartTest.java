package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.Bytes;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.StoreReplacedException;
import dev.weir.engine.WeirException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.util.retry.Retry;

/**
 * The node serving a store stops and a new node serves a new store under the same name (a
 * server restarted): a client on a third node reaches the new store as soon as the cluster
 * knows it, is told once, with a typed error, that it now talks to another store, and its
 * watch on the old one fails with a typed error rather than waiting forever.
 */
class StoreNodeRestartTest {

  /** Hang guard for the client to reach the new node; the cluster takes seconds, not this. */
  private static final Duration REACH_GUARD = Duration.ofSeconds(30);

  @Test
  void aClientReachesTheNewStoreAndIsToldOnceThatItWasReplaced() throws Exception {
    Nodes.Cluster cluster = new Nodes.Cluster();
    Vertx oldNode = cluster.start();
    Vertx clientNode = cluster.start();
    ReactiveStore oldStore = Weir.inMemory();
    ReactiveStore newStore = Weir.inMemory();
    try {
      StoreBinding old = Nodes.await(StoreService.bind(oldNode, oldStore, "users"));
      EventBusStore client = EventBusStore.create(clientNode, "users",
          ClientOptions.defaults().withRenewInterval(Duration.ofMillis(200)));
      client.put(Bytes.utf8("user:1"), Bytes.utf8("ada")).block(Nodes.GUARD);
      CompletableFuture<Signal<Void>> watch =
          client.watch(Bytes.utf8("user:")).then().materialize().toFuture();
      Await.until("the watch is open on the old node", Duration.ofSeconds(10),
          () -> Nodes.await(old.heldByClients()) >= 1);

      // as weir serve stops: unbind (what clients hold is released), then leave the cluster
      Nodes.await(old.unbind());
      Nodes.await(oldNode.close());
      Throwable watchError = watch.get(REACH_GUARD.toMillis(), TimeUnit.MILLISECONDS)
          .getThrowable();
      assertInstanceOf(WeirException.class, watchError, "a typed error, not completion");

      Vertx newNode = cluster.start();
      Nodes.await(StoreService.bind(newNode, newStore, "users"));
      // until the cluster routes to the new node, no store serves the name: asked again
      Throwable firstAnswer = client.get(Bytes.utf8("user:1"))
          .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(100))
              .filter(e -> e instanceof StoreClosedException))
          .then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just)
          .block(REACH_GUARD);
      assertInstanceOf(StoreReplacedException.class, firstAnswer);

      assertNull(client.get(Bytes.utf8("user:1")).block(Nodes.GUARD), "the new store is empty");
      client.put(Bytes.utf8("user:2"), Bytes.utf8("grace")).block(Nodes.GUARD);
      assertEquals(Bytes.utf8("grace"), newStore.get(Bytes.utf8("user:2")).block(Nodes.GUARD));
      client.close().block(Nodes.GUARD);
    } finally {
      cluster.stopAll();
      oldStore.close().block(Nodes.GUARD);
      newStore.close().block(Nodes.GUARD);
    }
  }

  @Test
  void servingTheSameStoreAgainIsNoReplacement() {
    Vertx vertx = Nodes.local();
    ReactiveStore store = Weir.inMemory();
    try {
      StoreBinding first = Nodes.await(StoreService.bind(vertx, store, "same"));
      EventBusStore client = EventBusStore.create(vertx, "same");
      client.put(Bytes.utf8("k"), Bytes.utf8("v")).block(Nodes.GUARD);
      Nodes.await(first.unbind());
      Nodes.await(StoreService.bind(vertx, store, "same"));
      assertEquals(Bytes.utf8("v"), client.get(Bytes.utf8("k")).block(Nodes.GUARD));
      client.close().block(Nodes.GUARD);
    } finally {
      Nodes.await(vertx.close());
      store.close().block(Nodes.GUARD);
    }
  }
}
