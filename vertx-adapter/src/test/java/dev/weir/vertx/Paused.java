package dev.weir.vertx;

import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.SignalType;

/**
 * A subscriber that requests only what the test tells it to, counts what it received and keeps
 * the error it ended with.
 */
final class Paused<T> extends BaseSubscriber<T> {

  final AtomicLong received = new AtomicLong();
  private final long first;
  volatile boolean done;
  volatile Throwable error;

  /** Requests {@code first} items on subscribe, then only what {@link #request} asks. */
  Paused(long first) {
    this.first = first;
  }

  @Override
  protected void hookOnSubscribe(Subscription s) {
    request(first);
  }

  @Override
  protected void hookOnNext(T item) {
    received.incrementAndGet();
  }

  @Override
  protected void hookOnError(Throwable e) {
    error = e;
  }

  @Override
  protected void hookFinally(SignalType type) {
    done = true;
  }
}
