package dev.weir.vertx;

import dev.weir.reactive.ReactiveStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Objects;

/**
 * A verticle that serves one store for as long as it is deployed. Undeploying stops serving and
 * releases what clients hold; the store itself stays open (close it yourself when it is yours).
 */
public class WeirStoreVerticle extends VerticleBase {

  private final ReactiveStore store;
  private final String name;
  private final ServiceOptions options;
  private StoreBinding binding;

  public WeirStoreVerticle(ReactiveStore store, String name, ServiceOptions options) {
    this.store = Objects.requireNonNull(store, "store");
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
  }

  public WeirStoreVerticle(ReactiveStore store, String name) {
    this(store, name, ServiceOptions.defaults());
  }

  @Override
  public Future<?> start() {
    return StoreService.bind(vertx, store, name, options).onSuccess(b -> binding = b);
  }

  @Override
  public Future<?> stop() {
    return binding == null ? Future.succeededFuture() : binding.unbind();
  }
}
