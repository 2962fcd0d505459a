package dev.weir.cli;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls the tests of {@code shell --connect} allow on Vert.x event loops (which
 * Netty's integration makes non-blocking threads), each inside Vert.x and with its reason.
 *
 * <ul>
 *   <li>{@code UUID.randomUUID}: the clustered event bus names each reply address with a random
 *       UUID; {@code SecureRandom} reads {@code /dev/urandom}, which never blocks once seeded.
 *   <li>{@code WorkerPool.close}: closing Vert.x shuts its worker pool down from an event loop,
 *       and the JDK's {@code shutdownNow} drains the queue under a lock that only the pool's
 *       own (finishing) workers hold, for an instant.
 * </ul>
 */
public final class VertxBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
    builder.allowBlockingCallsInside("io.vertx.core.internal.WorkerPool", "close");
    // Netty 4.2's adaptive buffer allocator frees a magazine under a StampedLock write lock
    // while growing its magazine group, and waits an instant if another event loop is
    // allocating from it: a lock held for a few instructions, not a wait on I/O. Seen once on a
    // 2-node cluster under 2,000 concurrent puts, where it killed a connection mid-reply.
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
  }
}
