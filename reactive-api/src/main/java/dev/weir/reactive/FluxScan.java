package dev.weir.reactive;

import dev.weir.engine.Entry;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * A scan as a {@code Flux} with real backpressure. Subscription opens an engine cursor (an
 * implicit snapshot); each {@code request(n)} advances it at most n entries on the requesting
 * thread; nothing is buffered, so a {@code request(1)} consumer of a huge scan holds constant
 * memory. Completion, error and cancellation close the cursor, releasing its snapshot.
 *
 * <p>The drain follows Reactor's work-in-progress pattern: whichever thread moves {@code wip}
 * from 0 owns the cursor until it brings it back, so the cursor is used by one thread at a time
 * and each owner sees the previous owner's writes.
 */
final class FluxScan extends Flux<Entry> {

  private final Callable<Cursor> open;

  FluxScan(Callable<Cursor> open) {
    this.open = open;
  }

  /** A scan over an engine cursor. */
  static FluxScan of(Callable<dev.weir.engine.EntryCursor> open) {
    return new FluxScan(() -> adapt(open.call()));
  }

  static Cursor adapt(dev.weir.engine.EntryCursor c) {
    return new Cursor() {
      @Override
      public Entry next() {
        return c.next();
      }

      @Override
      public void close() {
        c.close();
      }
    };
  }

  @Override
  public void subscribe(CoreSubscriber<? super Entry> actual) {
    Cursor cursor;
    try {
      cursor = open.call();
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    actual.onSubscribe(new ScanSubscription(actual, cursor));
  }

  static final class ScanSubscription implements Subscription {

    private static final AtomicLongFieldUpdater<ScanSubscription> REQUESTED =
        AtomicLongFieldUpdater.newUpdater(ScanSubscription.class, "requested");
    private static final AtomicIntegerFieldUpdater<ScanSubscription> WIP =
        AtomicIntegerFieldUpdater.newUpdater(ScanSubscription.class, "wip");

    private final CoreSubscriber<? super Entry> actual;
    private final Cursor cursor;
    private volatile long requested;
    private volatile int wip;
    private volatile boolean cancelled;
    private volatile Throwable badRequest;
    private boolean done; // owned by the drainer

    ScanSubscription(CoreSubscriber<? super Entry> actual, Cursor cursor) {
      this.actual = actual;
      this.cursor = cursor;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        // reactive-streams rule 3.9
        badRequest =
            new IllegalArgumentException("§3.9 violated: request must be positive, was " + n);
      } else {
        Operators.addCap(REQUESTED, this, n);
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }

    private void drain() {
      if (WIP.getAndIncrement(this) != 0) {
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

    /** Called only by the drain owner. */
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
        Entry next;
        try {
          next = cursor.next();
        } catch (Throwable t) {
          finish();
          actual.onError(Operators.onOperatorError(this, t, actual.currentContext()));
          return;
        }
        if (next == null) {
          finish();
          actual.onComplete();
          return;
        }
        try {
          actual.onNext(next);
        } catch (Throwable t) {
          // a subscriber must not throw from onNext; if it does, the scan ends with the error
          finish();
          actual.onError(Operators.onOperatorError(this, t, next, actual.currentContext()));
          return;
        }
        e++;
      }
    }

    private void finish() {
      done = true;
      cursor.close();
    }
  }
}
