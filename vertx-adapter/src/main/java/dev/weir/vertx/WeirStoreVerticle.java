package dev.weir.vertx;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Objects;

/**
 * A verticle that serves one store (its key-value view, and its object view when it has one)
 * for as long as it is deployed. Undeploying stops serving and releases what clients hold; the
 * store itself stays open (close it yourself when it is yours).
 */
public class WeirStoreVerticle extends VerticleBase {

  private final ReactiveStore store;
  private final ObjectStore objects;
  private final String name;
  private final ServiceOptions options;
  private StoreBinding binding;

  /** Serves {@code store} and, unless {@code null}, {@code objects}. */
  public WeirStoreVerticle(ReactiveStore store, ObjectStore objects, String name,
      ServiceOptions options) {
    this.store = Objects.requireNonNull(store, "store");
    this.objects = objects;
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
  }

  public WeirStoreVerticle(ReactiveStore store, String name, ServiceOptions options) {
    this(store, null, name, options);
  }

  public WeirStoreVerticle(ReactiveStore store, String name) {
    this(store, name, ServiceOptions.defaults());
  }

  /** Serves both views of a store opened by {@code Weir.open}. */
  public WeirStoreVerticle(WeirStore store, String name, ServiceOptions options) {
    this(Objects.requireNonNull(store, "store").kv(), store.objects(), name, options);
  }

  public WeirStoreVerticle(WeirStore store, String name) {
    this(store, name, ServiceOptions.defaults());
  }

  @Override
  public Future<?> start() {
    return StoreService.bind(vertx, store, objects, name, options).onSuccess(b -> binding = b);
  }

  @Override
  public Future<?> stop() {
    return binding == null ? Future.succeededFuture() : binding.unbind();
  }
}
