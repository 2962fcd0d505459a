package dev.weir.vertx;

import reactor.blockhound.BlockHound;
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
  }
}
