package dev.weir.reactive;

import java.util.concurrent.Callable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * A point read: on subscription, reads on the subscriber's thread (lock-free, no hop) and
 * emits the value or completes empty. A {@code null} result means absent. Engine exceptions
 * become {@code onError}; nothing is thrown from subscribe. A read of the store itself (not of
 * a snapshot or transaction) is shown to the store's observer, if it has one.
 */
final class MonoRead<T> extends Mono<T> {

  private final Callable<T> read;
  private final Probe probe;
  private final Operation operation;

  MonoRead(Callable<T> read) {
    this(read, null, null);
  }

  MonoRead(Callable<T> read, Probe probe, Operation operation) {
    this.read = read;
    this.probe = probe;
    this.operation = operation;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    OperationObserver observer = probe == null ? null : probe.observer();
    if (observer != null) {
      observed(actual, observer);
      return;
    }
    T value;
    try {
      value = read.call();
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    signal(actual, value);
  }

  private void observed(CoreSubscriber<? super T> actual, OperationObserver observer) {
    boolean timed = observer.started(operation);
    long start = timed ? System.nanoTime() : 0;
    T value;
    try {
      value = read.call();
    } catch (Throwable e) {
      observer.failed(operation, e);
      if (timed) {
        observer.finished(operation, System.nanoTime() - start, true);
      }
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    if (timed) {
      observer.finished(operation, System.nanoTime() - start, false);
    }
    signal(actual, value);
  }

  private static <T> void signal(CoreSubscriber<? super T> actual, T value) {
    if (value == null) {
      Operators.complete(actual);
    } else {
      actual.onSubscribe(Operators.scalarSubscription(actual, value));
    }
  }
}
