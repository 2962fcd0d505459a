package dev.weir.examples.vertx;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls this application's tests allow on event loops, each with its reason.
 * Netty's own integration (on the class path) makes every Vert.x event loop a non-blocking
 * thread.
 */
public final class ExampleBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    // EventBusStore.create names its reply inbox with UUID.randomUUID, whose SecureRandom reads
    // /dev/urandom: that never blocks once the kernel's pool is seeded (at boot)
    builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
    // StoreService.bind draws the served store's identity from a SecureRandom: the same read of
    // /dev/urandom (the adapter's own tests bind off the event loop, so they never meet it)
    builder.allowBlockingCallsInside("dev.weir.vertx.StoreIdentity", "of");
    // closing Vert.x shuts its worker pool down from an event loop: shutdownNow drains the
    // queue under a lock only the pool's own finishing workers hold, for an instant
    builder.allowBlockingCallsInside("io.vertx.core.internal.WorkerPool", "close");
  }
}
