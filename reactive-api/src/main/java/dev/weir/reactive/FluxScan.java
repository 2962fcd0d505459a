package dev.weir.reactive;

import dev.weir.engine.Entry;
import dev.weir.engine.EntryCursor;
import java.util.concurrent.Callable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * A scan as a {@code Flux} with real backpressure. Subscription opens an engine cursor (an
 * implicit snapshot); each {@code request(n)} advances it at most n entries on the requesting
 * thread; nothing is buffered, so a {@code request(1)} consumer of a huge scan holds constant
 * memory. Completion, error and cancellation close the cursor, releasing its snapshot.

 * The demand-driven drain is {@link PullSubscription}'s.
 */
final class FluxScan extends Flux<Entry> {

  private final Callable<Cursor> open;
  private final Probe probe;

  FluxScan(Callable<Cursor> open) {
    this(open, null);
  }

  private FluxScan(Callable<Cursor> open, Probe probe) {
    this.open = open;
    this.probe = probe;
  }

  /** A scan over an engine cursor. */
  static FluxScan of(Callable<EntryCursor> open) {
    return new FluxScan(() -> adapt(open.call()));
  }

  /** A scan of the store itself, shown to the store's observer if it has one. */
  static FluxScan observed(Callable<EntryCursor> open, Probe probe) {
    return new FluxScan(() -> adapt(open.call()), probe);
  }

  static Cursor adapt(EntryCursor c) {
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
    OperationObserver observer = probe == null ? null : probe.observer();
    boolean timed = observer != null && observer.started(Operation.SCAN);
    long start = timed ? System.nanoTime() : 0;
    Cursor cursor;
    try {
      cursor = open.call();
    } catch (Throwable e) {
      if (observer != null) {
        observer.failed(Operation.SCAN, e);
        if (timed) {
          observer.finished(Operation.SCAN, System.nanoTime() - start, true);
        }
      }
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    if (timed) {
      cursor = new TimedCursor(cursor, observer, start);
    }
    actual.onSubscribe(new ScanSubscription(actual, cursor));
  }

  /** Reports a timed scan's duration when it ends: completed, failed or cancelled. */
  private static final class TimedCursor implements Cursor {

    private final Cursor cursor;
    private final OperationObserver observer;
    private final long start;
    private boolean failed;

    TimedCursor(Cursor cursor, OperationObserver observer, long start) {
      this.cursor = cursor;
      this.observer = observer;
      this.start = start;
    }

    @Override
    public Entry next() {
      try {
        return cursor.next();
      } catch (RuntimeException e) {
        failed = true;
        observer.failed(Operation.SCAN, e);
        throw e;
      }
    }

    @Override
    public void close() {
      cursor.close();
      observer.finished(Operation.SCAN, System.nanoTime() - start, failed);
    }
  }

  /** Pulls the cursor on demand; the end of the cursor completes the scan. */
  static final class ScanSubscription extends PullSubscription<Entry> {

    private final Cursor cursor;

    ScanSubscription(CoreSubscriber<? super Entry> actual, Cursor cursor) {
      super(actual);
      this.cursor = cursor;
    }

    @Override
    Entry poll() {
      return cursor.next();
    }

    @Override
    boolean endsWhenEmpty() {
      return true;
    }

    @Override
    void release() {
      cursor.close();
    }
  }
}
