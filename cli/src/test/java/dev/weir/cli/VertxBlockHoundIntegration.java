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
  }
}
