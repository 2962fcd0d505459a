package dev.weir.vertx;

import dev.weir.reactive.ReactiveStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Serves a {@link ReactiveStore} on the (clustered) event bus at {@code
 * <prefix>.<name>.<operation>}; an {@link EventBusStore} on any node of the cluster then uses
 * it as if it were local.
 *
 * <p>Call it from a verticle's {@code start()} (or use {@link WeirStoreVerticle}) and every
 * address is served on that verticle's event loop; from elsewhere, on a context of its own. The
 * store's reads run on that event loop, so the store must never block (Weir's never does).
 */
public final class StoreService {

  private StoreService() {}

  /** Completes once every address is registered (cluster-wide, when clustered). */
  public static Future<StoreBinding> bind(Vertx vertx, ReactiveStore store, String name,
      ServiceOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return StoreBinding.bind(vertx, store, name, options);
  }

  public static Future<StoreBinding> bind(Vertx vertx, ReactiveStore store, String name) {
    return bind(vertx, store, name, ServiceOptions.defaults());
  }
}
