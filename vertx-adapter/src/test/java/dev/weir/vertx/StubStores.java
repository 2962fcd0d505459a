package dev.weir.vertx;

import dev.weir.reactive.ReactiveStore;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stores that misbehave on purpose, for the error paths of the adapter. */
final class StubStores {

  private StubStores() {}

  /** Every operation fails with {@code error}. */
  static ReactiveStore failing(Throwable error) {
    return of(method -> error);
  }

  /** Every operation never answers (a hung store). */
  static ReactiveStore silent() {
    return of(method -> null);
  }

  /** Monos and Fluxes that fail with what {@code errorOf} gives, or never signal for null. */
  private static ReactiveStore of(Function<String, Throwable> errorOf) {
    return (ReactiveStore) Proxy.newProxyInstance(ReactiveStore.class.getClassLoader(),
        new Class<?>[] {ReactiveStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("toString")) {
            return "StubStore";
          }
          if (method.getName().equals("close")) {
            return Mono.empty();
          }
          Throwable e = errorOf.apply(method.getName());
          if (method.getReturnType() == Flux.class) {
            return e == null ? Flux.never() : Flux.error(e);
          }
          return e == null ? Mono.never() : Mono.error(e);
        });
  }
}
