package dev.weir.benchmarks;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * A reusable subscriber for one {@code Mono} at a time, on one thread: requests everything on
 * subscribe and keeps the value and the terminal signal. Weir's reads (and a lone write with
 * the default settings) signal on the subscribing thread before {@code subscribe} returns, so
 * the caller reads the result right after subscribing: no allocation of a lambda subscriber,
 * no {@code block()} and its latch.
 */
final class Capture<T> implements CoreSubscriber<T> {

  T value;
  boolean done;
  Throwable error;

  /** Clears the previous result; call before each subscribe. */
  Capture<T> reset() {
    value = null;
    done = false;
    error = null;
    return this;
  }

  /** Fails the benchmark if the Mono has not completed, or failed. */
  void checkDone() {
    if (error != null) {
      throw new IllegalStateException("the operation failed", error);
    }
    if (!done) {
      throw new IllegalStateException("the operation did not complete on the calling thread");
    }
  }

  @Override
  public void onSubscribe(Subscription s) {
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(T t) {
    value = t;
  }

  @Override
  public void onError(Throwable t) {
    error = t;
    done = true;
  }

  @Override
  public void onComplete() {
    done = true;
  }
}
