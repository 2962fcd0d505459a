package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WeirException;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.Upload;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

/**
 * A store that does not answer gives a {@code TIMEOUT}, never a hang (an object store too, and
 * an upload it never opens); an address nobody serves reads as a closed store; and losing the
 * store's node fails the pending calls and streams of a client on another node within their
 * timeout.
 */
class TimeoutAndNodeLossTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);

  @Test
  void aSilentStoreTimesOut() {
    Vertx vertx = Nodes.local();
    try {
      Served served = new Served(vertx, vertx, ServiceOptions.defaults(),
          ClientOptions.defaults().withRequestTimeout(TIMEOUT));
      EventBusStore client = served.serveUnchecked(StubStores.silent());
      for (reactor.core.publisher.Mono<?> call : java.util.List.of(
          client.get(Bytes.utf8("k")), client.put(Bytes.utf8("k"), Bytes.utf8("v")),
          client.stats(), client.snapshot())) {
        Throwable e = call.materialize().block(Nodes.GUARD).getThrowable();
        WeirException w = assertInstanceOf(WeirException.class, e);
        assertEquals(ErrorCode.TIMEOUT, w.errorCode(), w.getMessage());
        assertTrue(w.retryable());
      }
      served.closeAll();
    } finally {
      Nodes.await(vertx.close());
    }
  }

  @Test
  void aSilentObjectStoreTimesOutAndAnUploadItNeverOpenedToo() {
    Vertx vertx = Nodes.local();
    try {
      Served served = new Served(vertx, vertx, ServiceOptions.defaults(),
          ClientOptions.defaults().withRequestTimeout(TIMEOUT));
      EventBusObjectStore objects =
          served.serveObjects(StubStores.silent(), StubStores.silentObjects());
      Bucket bucket = objects.bucket("silent");
      Flux<ByteBuffer> content = Flux.just(ByteBuffer.wrap(new byte[] {1}));
      for (reactor.core.publisher.Mono<?> call : java.util.List.of(
          objects.createBucket("silent"), bucket.head("k"), bucket.put("k", content, null),
          bucket.uploadPart(new Upload("silent", "k", "u", null), 1, content))) {
        Throwable e = call.materialize().block(Nodes.GUARD).getThrowable();
        WeirException w = assertInstanceOf(WeirException.class, e);
        assertEquals(ErrorCode.TIMEOUT, w.errorCode(), w.getMessage());
      }
      objects.close().block(Nodes.GUARD);
      served.closeAll();
    } finally {
      Nodes.await(vertx.close());
    }
  }

  @Test
  void anAddressNobodyServesReadsAsAClosedStore() {
    Vertx vertx = Nodes.local();
    try {
      EventBusStore client = EventBusStore.create(vertx, "nobody");
      Throwable e = client.get(Bytes.utf8("k")).materialize().block(Nodes.GUARD).getThrowable();
      assertInstanceOf(StoreClosedException.class, e);
      assertInstanceOf(StoreClosedException.class,
          Nodes.awaitFailure(EventBusObjectStore.connect(vertx, "nobody")));
    } finally {
      Nodes.await(vertx.close());
    }
  }

  @Test
  void losingTheStoreNodeFailsPendingCallsWithinTheirTimeout() throws Exception {
    Nodes.Cluster cluster = new Nodes.Cluster();
    Vertx storeNode = cluster.start();
    Vertx clientNode = cluster.start();
    try {
      Served served = new Served(storeNode, clientNode,
          ServiceOptions.defaults().withLeaseTimeout(Duration.ofSeconds(5)),
          ClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(2))
              .withRenewInterval(Duration.ofMillis(200)));
      EventBusStore silent = served.serveUnchecked(StubStores.silent());
      EventBusStore client = served.serve(Weir.inMemory());
      CompletableFuture<Signal<Bytes>> pendingGet =
          silent.get(Bytes.utf8("k")).materialize().toFuture();
      CompletableFuture<Signal<Void>> pendingWatch =
          client.watch(Bytes.utf8("w")).then().materialize().toFuture();
      Await.until("the watch is open on the store node", Duration.ofSeconds(10),
          () -> Nodes.await(served.lastBinding().heldByClients()) >= 1);
      cluster.kill(storeNode);
      // the bounds are hang guards, not timings: each call fails through its own timeout
      Throwable getError = pendingGet.get(30, TimeUnit.SECONDS).getThrowable();
      Throwable watchError = pendingWatch.get(30, TimeUnit.SECONDS).getThrowable();
      assertInstanceOf(WeirException.class, getError);
      assertInstanceOf(WeirException.class, watchError);
    } finally {
      cluster.stopAll();
    }
  }
}
