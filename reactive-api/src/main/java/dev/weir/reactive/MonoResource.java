package dev.weir.reactive;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Opens something that must be released (a snapshot, a transaction) and hands it over; if the
 * subscriber cancels before taking it, it is released here, so a cancelled {@code snapshot()}
 * leaks nothing. Opens nothing for a subscriber that cancelled in {@code onSubscribe}.
 */
final class MonoResource<T> extends Mono<T> {

  private final Callable<T> open;
  private final Consumer<? super T> release;

  MonoResource(Callable<T> open, Consumer<? super T> release) {
    this.open = open;
    this.release = release;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    ResourceSubscription<T> s = new ResourceSubscription<>(actual, release);
    actual.onSubscribe(s);
    if (s.isCancelled()) {
      return;
    }
    T resource;
    try {
      resource = open.call();
    } catch (Throwable e) {
      s.onError(Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    s.complete(resource);
  }

  private static final class ResourceSubscription<T> extends Operators.MonoSubscriber<T, T> {
    private final Consumer<? super T> release;

    ResourceSubscription(CoreSubscriber<? super T> actual, Consumer<? super T> release) {
      super(actual);
      this.release = release;
    }

    @Override
    protected void discard(T resource) {
      if (resource != null) {
        release.accept(resource);
      }
    }
  }
}
