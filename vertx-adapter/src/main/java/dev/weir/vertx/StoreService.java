package dev.weir.vertx;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Serves a {@link ReactiveStore}, and its {@link ObjectStore} when it has one, on the
 * (clustered) event bus at {@code <prefix>.<name>.<operation>} (objects at {@code
 * <prefix>.<name>.object.<operation>}); an {@link EventBusStore} or {@link EventBusObjectStore}
 * on any node of the cluster then uses it as if it were local.
 *
 * <p>Call it from a verticle's {@code start()} (or use {@link WeirStoreVerticle}) and every
 * address is served on that verticle's event loop; from elsewhere, on a context of its own. The
 * store's reads run on that event loop, so the store must never block (Weir's never does).
 */
public final class StoreService {

  private StoreService() {}

  /**
   * Serves {@code store} and, unless it is {@code null}, {@code objects} (usually the object
   * view of the same store). Completes once every address is registered (cluster-wide, when
   * clustered).
   */
  public static Future<StoreBinding> bind(Vertx vertx, ReactiveStore store, ObjectStore objects,
      String name, ServiceOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return StoreBinding.bind(vertx, store, objects, name, options);
  }

  /** Serves the key-value store only. */
  public static Future<StoreBinding> bind(Vertx vertx, ReactiveStore store, String name,
      ServiceOptions options) {
    return bind(vertx, store, null, name, options);
  }

  public static Future<StoreBinding> bind(Vertx vertx, ReactiveStore store, String name) {
    return bind(vertx, store, name, ServiceOptions.defaults());
  }

  /** Serves both views of a store opened by {@code Weir.open}. */
  public static Future<StoreBinding> bind(Vertx vertx, WeirStore store, String name,
      ServiceOptions options) {
    Objects.requireNonNull(store, "store");
    return bind(vertx, store.kv(), store.objects(), name, options);
  }

  public static Future<StoreBinding> bind(Vertx vertx, WeirStore store, String name) {
    return bind(vertx, store, name, ServiceOptions.defaults());
  }
}
