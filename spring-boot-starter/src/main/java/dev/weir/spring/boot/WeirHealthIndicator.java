package dev.weir.spring.boot;

import dev.weir.engine.EngineStats;
import dev.weir.engine.StoreClosedException;
import dev.weir.reactive.ReactiveStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

/**
 * The store's health, from its figures: UP; OUT_OF_SERVICE when it is full (its live bytes at
 * {@code weir.health.full-threshold} of its budget or more, where writes are about to fail with
 * StoreFullException) or read-only (a failure stopped writes until it is reopened); DOWN when it
 * is closed or does not answer (a served store out of reach). Details: live bytes, budget, the
 * share used, pending writes, open snapshots, and the last error (the failure that stopped
 * writes, else the last failed compaction). Reads the figures without blocking.
 */
public final class WeirHealthIndicator implements ReactiveHealthIndicator {

  private final ReactiveStore store;
  private final double fullThreshold;

  public WeirHealthIndicator(ReactiveStore store, double fullThreshold) {
    this.store = store;
    this.fullThreshold = fullThreshold;
  }

  @Override
  public Mono<Health> health() {
    return store.stats()
        .map(this::of)
        .onErrorResume(e -> Mono.just(Health.down()
            .withDetail("closed", e instanceof StoreClosedException)
            .withDetail("lastError", String.valueOf(e))
            .build()));
  }

  private Health of(EngineStats s) {
    boolean limited = s.maxMemoryBytes() != Long.MAX_VALUE;
    double used = limited ? (double) s.liveBytes() / s.maxMemoryBytes() : 0;
    boolean full = limited && used >= fullThreshold;
    Health.Builder h = s.readOnly() || full ? Health.status(Status.OUT_OF_SERVICE) : Health.up();
    h.withDetail("liveBytes", s.liveBytes())
        .withDetail("maxMemoryBytes", limited ? s.maxMemoryBytes() : "unlimited")
        .withDetail("used", Math.round(used * 1000) / 1000.0)
        .withDetail("full", full)
        .withDetail("readOnly", s.readOnly())
        .withDetail("pendingWrites", s.pendingWrites())
        .withDetail("openSnapshots", s.openSnapshots());
    String lastError = s.failure() != null ? s.failure() : s.lastCompactionFailure();
    if (lastError != null) {
      h.withDetail("lastError", lastError);
    }
    return h.build();
  }
}
