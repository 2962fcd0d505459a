package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import dev.weir.reactive.Weir;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A client's watch is open a round trip after its subscription; a write the same client sends
 * meanwhile must still be in the watch. In a cluster, a message whose route is not yet known
 * waits for a lookup while a later one leaves at once; here an interceptor holds the watch's
 * opening back the same way. (The conformance suite proves the promise on both stores; this
 * forces the overtaking it guards against.)
 */
class WatchLivenessTest {

  /** How long the opening is held if nothing overtakes it; a simulated delay, not a wait. */
  private static final long HOLD_MILLIS = 300;

  @Test
  void aWriteSentRightAfterAWatchIsSubscribedIsInTheWatch() throws Exception {
    Vertx vertx = Nodes.local();
    try {
      Served served = new Served(vertx);
      EventBusStore client = served.serve(Weir.inMemory());
      holdWatchOpeningsBack(vertx);

      CompletableFuture<List<String>> seen = client.watch(Bytes.utf8("w/"))
          .map(e -> e.key().asUtf8())
          .takeUntil("w/end"::equals)
          .collectList()
          .toFuture();
      client.put(Bytes.utf8("w/1"), Bytes.utf8("v"))
          .then(client.put(Bytes.utf8("w/end"), Bytes.utf8("v")))
          .block(Nodes.GUARD);

      assertEquals(List.of("w/1", "w/end"),
          seen.get(Nodes.GUARD.toMillis(), TimeUnit.MILLISECONDS));
      served.closeAll();
    } finally {
      Nodes.await(vertx.close());
    }
  }

  /**
   * Holds each watch's opening until a reply to another request has gone out (so a request sent
   * after it overtook it and was handled), or for {@link #HOLD_MILLIS} if none does.
   */
  private static void holdWatchOpeningsBack(Vertx vertx) {
    AtomicReference<DeliveryContext<Object>> held = new AtomicReference<>();
    vertx.eventBus().addOutboundInterceptor(ctx -> {
      String address = ctx.message().address();
      if (address.endsWith("." + Addresses.WATCH)) {
        held.set(ctx);
        vertx.setTimer(HOLD_MILLIS, t -> release(held));
        return;
      }
      ctx.next();
      if (address.startsWith("__vertx.reply.")) {
        release(held);
      }
    });
  }

  private static void release(AtomicReference<DeliveryContext<Object>> held) {
    DeliveryContext<Object> opening = held.getAndSet(null);
    if (opening != null) {
      opening.next();
    }
  }
}
