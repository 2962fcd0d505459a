package dev.weir.reactive;

import dev.weir.engine.ChangeEvent;
import dev.weir.engine.ChangeFeed;
import dev.weir.engine.Engine;
import dev.weir.engine.Bytes;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * A change stream as a {@code Flux}: pulls committed changes from the engine's change log as the
 * subscriber requests them. The log is the bounded buffer: nothing is copied per subscriber, and
 * a subscriber that falls a whole log behind gets a typed overflow error saying where to resume.
 * New commits signal the drain from the committing thread, after the writer role is released.
 * Drained with the work-in-progress pattern, so the feed is used by one thread at a time.
 */
final class FluxWatch extends Flux<ChangeEvent> {

  private final Engine engine;
  private final Bytes prefix;
  private final long from;

  FluxWatch(Engine engine, Bytes prefix, long from) {
    this.engine = engine;
    this.prefix = prefix;
    this.from = from;
  }

  @Override
  public void subscribe(CoreSubscriber<? super ChangeEvent> actual) {
    WatchSubscription s = new WatchSubscription(actual);
    ChangeFeed feed;
    try {
      feed = engine.watch(prefix, from, s::drain);
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    s.feed = feed;
    actual.onSubscribe(s);
    s.drain();
  }

  static final class WatchSubscription implements Subscription {

    private static final AtomicLongFieldUpdater<WatchSubscription> REQUESTED =
        AtomicLongFieldUpdater.newUpdater(WatchSubscription.class, "requested");
    private static final AtomicIntegerFieldUpdater<WatchSubscription> WIP =
        AtomicIntegerFieldUpdater.newUpdater(WatchSubscription.class, "wip");

    private final CoreSubscriber<? super ChangeEvent> actual;
    volatile ChangeFeed feed;
    private volatile long requested;
    private volatile int wip;
    private volatile boolean cancelled;
    private volatile Throwable badRequest;
    private boolean done; // owned by the drainer

    WatchSubscription(CoreSubscriber<? super ChangeEvent> actual) {
      this.actual = actual;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
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

    void drain() {
      if (feed == null || WIP.getAndIncrement(this) != 0) {
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
      ChangeFeed f = feed;
      long r = requested;
      long e = 0;
      while (true) {
        if (cancelled) {
          finish(f);
          return;
        }
        Throwable bad = badRequest;
        if (bad != null) {
          finish(f);
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
        ChangeEvent next;
        try {
          next = f.poll();
        } catch (Throwable t) {
          finish(f);
          actual.onError(t);
          return;
        }
        if (next == null) {
          REQUESTED.addAndGet(this, -e);
          return; // caught up: the next commit signals another drain
        }
        try {
          actual.onNext(next);
        } catch (Throwable t) {
          finish(f);
          actual.onError(Operators.onOperatorError(this, t, next, actual.currentContext()));
          return;
        }
        e++;
      }
    }

    private void finish(ChangeFeed f) {
      done = true;
      f.close();
    }
  }
}
