package dev.weir.engine;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound that engine threads must never block, and names the one wait they may do:
 * the compactor's idle wait for its next task. Loaded by BlockHound through
 * {@code META-INF/services}; BlockHound is an optional dependency.
 */
public final class WeirBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.nonBlockingThreadPredicate(current -> current.or(t -> t instanceof EngineThread));
    builder.allowBlockingCallsInside(
        "dev.weir.engine.compaction.CompactorThread", "awaitWork");
  }
}
