package dev.weir.reactive;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * A subscription that pulls items from a source only as its subscriber requests them: the
 * backpressure of scans and change streams. Nothing is buffered, so a {@code request(1)}
 * consumer holds constant memory.
 *
 * <p>The drain follows Reactor's work-in-progress pattern: whichever thread moves {@code wip}
 * from 0 owns the source until it brings it back, so the source is used by one thread at a time
 * and each owner sees the previous owner's writes. Cancellation, completion and errors release
 * the source exactly once, on the owning thread.
 */
abstract class PullSubscription<T> implements Subscription {

  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<PullSubscription> REQUESTED =
      AtomicLongFieldUpdater.newUpdater(PullSubscription.class, "requested");

  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<PullSubscription> WIP =
      AtomicIntegerFieldUpdater.newUpdater(PullSubscription.class, "wip");

  final CoreSubscriber<? super T> actual;
  private volatile long requested;
  private volatile int wip;
  private volatile boolean cancelled;
  private volatile Throwable badRequest;
  private boolean done; // owned by the drainer

  PullSubscription(CoreSubscriber<? super T> actual) {
    this.actual = actual;
  }

  /** The next item, or {@code null} when there is none now. Called only by the drain owner. */
  abstract T poll();

  /** Whether {@code null} from {@link #poll()} means the end (a scan) or "not yet" (a watch). */
  abstract boolean endsWhenEmpty();

  /** Releases the source; called once, by the drain owner. */
  abstract void release();

  /** Whether the source may be pulled yet; a drain before that does nothing. */
  boolean ready() {
    return true;
  }

  @Override
  public final void request(long n) {
    if (n <= 0) {
      // reactive-streams rule 3.9
      badRequest = new IllegalArgumentException("§3.9 violated: request must be positive, was " + n);
    } else {
      Operators.addCap(REQUESTED, this, n);
    }
    drain();
  }

  @Override
  public final void cancel() {
    cancelled = true;
    drain();
  }

  final void drain() {
    if (!ready() || WIP.getAndIncrement(this) != 0) {
      return;
    }
    int missed = 1;
    do {
      if (!done) {
        emit();
      }
      missed = WIP.addAndGet(this, -missed);
    } while (missed != 0);
  }

  private void emit() {
    long r = requested;
    long e = 0;
    while (true) {
      if (cancelled) {
        finish();
        return;
      }
      Throwable bad = badRequest;
      if (bad != null) {
        finish();
        actual.onError(bad);
        return;
      }
      if (e == r) {
        r = REQUESTED.addAndGet(this, -e);
        e = 0;
        if (r == 0) {
          return;
        }
      }
      T next;
      try {
        next = poll();
      } catch (Throwable t) {
        finish();
        actual.onError(Operators.onOperatorError(t, actual.currentContext()));
        return;
      }
      if (next == null) {
        if (endsWhenEmpty()) {
          finish();
          actual.onComplete();
        } else {
          REQUESTED.addAndGet(this, -e); // caught up: the source signals another drain
        }
        return;
      }
      try {
        actual.onNext(next);
      } catch (Throwable t) {
        // a subscriber must not throw from onNext; if it does, the stream ends with the error
        finish();
        actual.onError(Operators.onOperatorError(null, t, next, actual.currentContext()));
        return;
      }
      e++;
    }
  }

  private void finish() {
    done = true;
    release();
  }
}
