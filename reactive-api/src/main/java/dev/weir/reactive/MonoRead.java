package dev.weir.reactive;

import java.util.concurrent.Callable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * A point read: on subscription, reads on the subscriber's thread (lock-free, no hop) and
 * emits the value or completes empty. A {@code null} result means absent. Engine exceptions
 * become {@code onError}; nothing is thrown from subscribe.
 */
final class MonoRead<T> extends Mono<T> {

  private final Callable<T> read;

  MonoRead(Callable<T> read) {
    this.read = read;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    T value;
    try {
      value = read.call();
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    if (value == null) {
      Operators.complete(actual);
    } else {
      actual.onSubscribe(Operators.scalarSubscription(actual, value));
    }
  }
}
