package dev.weir.examples.vertx;

import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import dev.weir.vertx.StoreBinding;
import dev.weir.vertx.StoreService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns the store: opens it from a DSN, serves it on the event bus under a name, and when
 * undeployed stops serving it, then closes it. Nothing else in the application touches the
 * store itself; the {@link ApiVerticle} reaches it through the bus, as a verticle on another
 * node of a clustered Vert.x would.
 */
public final class StoreVerticle extends VerticleBase {

  private final String dsn;
  private final String name;
  // set on this verticle's event loop by start(), read there by stop()
  private WeirStore store;
  private StoreBinding binding;

  /** Opens {@code dsn} ({@code mem://...}, or {@code file:///dir} to keep it) as {@code name}. */
  public StoreVerticle(String dsn, String name) {
    this.dsn = dsn;
    this.name = name;
  }

  @Override
  public Future<?> start() {
    // Weir.open reads a durable store's files off the event loop; the opened store comes back
    // on this verticle's context, which then serves it
    return Future.fromCompletionStage(Weir.open(dsn).toFuture(), context)
        .compose(opened -> {
          store = opened;
          return StoreService.bind(vertx, opened, name);
        })
        .onSuccess(b -> binding = b);
  }

  @Override
  public Future<?> stop() {
    // clients' streams and snapshots are released first, then the store closes once its
    // in-flight writes are done
    Future<Void> unbound = binding == null ? Future.succeededFuture() : binding.unbind();
    return unbound.compose(v -> store == null
        ? Future.succeededFuture()
        : Future.fromCompletionStage(store.close().toFuture(), context));
  }
}
