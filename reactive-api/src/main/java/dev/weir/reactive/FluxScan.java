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

  FluxScan(Callable<Cursor> open) {
    this.open = open;
  }

  /** A scan over an engine cursor. */
  static FluxScan of(Callable<EntryCursor> open) {
    return new FluxScan(() -> adapt(open.call()));
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
    Cursor cursor;
    try {
      cursor = open.call();
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    actual.onSubscribe(new ScanSubscription(actual, cursor));
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
