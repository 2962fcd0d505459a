package dev.weir.spring.boot;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking call the starter's tests allow on an event loop: the connect tests start and
 * close a Vert.x of their own, and closing Vert.x shuts its worker pool down from an event
 * loop ({@code shutdownNow} drains the queue under a lock only the pool's finishing workers
 * hold, for an instant). Unallowed, BlockHound's error aborted the close and the test waited
 * for it forever (seen once in a full build). The Vert.x adapter's tests allow the same.
 */
public final class StarterBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("io.vertx.core.internal.WorkerPool", "close");
  }
}
