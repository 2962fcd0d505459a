package dev.weir.vertx;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls this module's tests allow on event loops, each with its reason. Netty's
 * own integration (on the classpath) already makes every Vert.x event loop a non-blocking
 * thread.
 *
 * <ul>
 *   <li>{@code UUID.randomUUID}: the clustered event bus names each reply address with a random
 *       UUID, and {@code SecureRandom} reads {@code /dev/urandom}, which never blocks once the
 *       kernel's pool is seeded (at boot).
 * </ul>
 */
public final class VertxBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
    // closing Vert.x shuts its worker pool down from an event loop: shutdownNow drains the
    // queue under a lock only the pool's own finishing workers hold, for an instant
    builder.allowBlockingCallsInside("io.vertx.core.internal.WorkerPool", "close");
    // Netty 4.2's adaptive buffer allocator frees a magazine under a StampedLock write lock
    // while growing its magazine group, and waits an instant if another event loop is
    // allocating from it: a lock held for a few instructions, not a wait on I/O. Seen once on a
    // 2-node cluster under 2,000 concurrent puts, where it killed a connection mid-reply.
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    // Vert.x logs only the message of an error its connection handlers throw; print the stack
    // first, so a blocking call inside Vert.x or Hazelcast names its caller (one did, once,
    // across some dozen clustered runs: "Blocking call! jdk.internal.misc.Unsafe#park")
    builder.blockingMethodCallback(method -> {
      BlockingOperationError error = new BlockingOperationError(method);
      error.printStackTrace();
      throw error;
    });
  }
}
