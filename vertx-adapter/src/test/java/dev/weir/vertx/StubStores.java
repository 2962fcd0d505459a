package dev.weir.vertx;

import dev.weir.engine.Entry;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.Features;
import dev.weir.reactive.object.ObjectStore;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;
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

  /**
   * Its scans send {@code first}, then fall silent without ending (a store hung mid-scan);
   * every other operation never answers.
   */
  static ReactiveStore stallingScans(Entry first) {
    return proxy(ReactiveStore.class, (method, args) -> method.getName().equals("scan")
        ? Flux.just(first).concatWith(Flux.never()) : null, name -> null);
  }

  private static final Features FEATURES = embeddedFeatures();

  /** The embedded store's, whatever they hold (the record grows with the object layer). */
  static Features embeddedFeatures() {
    ReactiveStore kv = Weir.inMemory();
    try {
      return ObjectStore.over(kv).features();
    } finally {
      kv.close().block();
    }
  }

  /**
   * An object store whose every operation never answers (a hung store), but for its features
   * and its bucket handles, which answer at once as the interface wants.
   */
  static ObjectStore silentObjects() {
    return objects(method -> null);
  }

  /**
   * As {@link #silentObjects()}, but a read sends {@code first} and then falls silent without
   * ending (a store hung mid-read).
   */
  static ObjectStore stallingReads(ByteBuffer first) {
    return objects(method -> method.equals("read")
        ? Flux.just(first.duplicate()).concatWith(Flux.never()) : null);
  }

  /** Features and bucket handles at once; a bucket's methods what {@code bucketAnswers} gives. */
  private static ObjectStore objects(Function<String, Object> bucketAnswers) {
    return proxy(ObjectStore.class, (method, args) -> {
      switch (method.getName()) {
        case "features":
          return FEATURES;
        case "bucket":
          return proxy(Bucket.class, (m, a) -> m.getName().equals("name") ? args[0]
              : bucketAnswers.apply(m.getName()), name -> null);
        default:
          return null;
      }
    }, name -> null);
  }

  /** Monos and Fluxes that fail with what {@code errorOf} gives, or never signal for null. */
  private static ReactiveStore of(Function<String, Throwable> errorOf) {
    return proxy(ReactiveStore.class, (method, args) -> null, errorOf);
  }

  /**
   * A {@code type} whose methods answer what {@code answers} gives, or else (given null) with a
   * {@code Mono} or {@code Flux} failing with what {@code errorOf} gives, or never signalling.
   */
  private static <T> T proxy(Class<T> type, BiFunction<Method, Object[], Object> answers,
      Function<String, Throwable> errorOf) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getName().equals("toString")) {
            return "Stub" + type.getSimpleName();
          }
          if (method.getName().equals("close")) {
            return Mono.empty();
          }
          Object answer = answers.apply(method, args);
          if (answer != null) {
            return answer;
          }
          Throwable e = errorOf.apply(method.getName());
          if (method.getReturnType() == Flux.class) {
            return e == null ? Flux.never() : Flux.error(e);
          }
          return e == null ? Mono.never() : Mono.error(e);
        }));
  }
}
