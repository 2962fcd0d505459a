package dev.weir.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A raw subscriber that makes one request of any size, even an illegal one, which StepVerifier
 * refuses to do; then waits for the terminal signal. Used for the rule 3.9 cases.
 */
final class TerminalProbe implements Subscriber<Object> {

  private final long request;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicInteger onNextCount = new AtomicInteger();
  private volatile Throwable error;
  private volatile boolean completed;

  private TerminalProbe(long request) {
    this.request = request;
  }

  /** Subscribes, requests {@code request}, and returns the error it ended with. */
  static Throwable errorOf(Publisher<?> publisher, long request, Duration guard) {
    TerminalProbe probe = new TerminalProbe(request);
    publisher.subscribe(probe);
    try {
      if (!probe.done.await(guard.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("no terminal signal after request(" + request + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (probe.completed || probe.onNextCount.get() > 0) {
      throw new AssertionError("expected only onError after request(" + request + "), got "
          + probe.onNextCount.get() + " onNext and " + (probe.completed ? "onComplete" : "no end"));
    }
    return probe.error;
  }

  @Override
  public void onSubscribe(Subscription s) {
    s.request(request);
  }

  @Override
  public void onNext(Object o) {
    onNextCount.incrementAndGet();
  }

  @Override
  public void onError(Throwable t) {
    error = t;
    done.countDown();
  }

  @Override
  public void onComplete() {
    completed = true;
    done.countDown();
  }
}
