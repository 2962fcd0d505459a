package dev.weir.vertx;

import dev.weir.vertx.codec.StreamFrame;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * The client's end of one stream, and the credit protocol that carries backpressure across the
 * bus (the bus has none of its own: a paused consumer drops messages).
 *
 * <p><b>Credit.</b> The service may send only items the client granted. The client grants what
 * its subscriber requested, but never lets more than {@code window} items be granted and not
 * yet delivered (in flight or buffered here), so memory stays bounded even under {@code
 * request(Long.MAX_VALUE)}. Credit is topped up once half a window is free, or at once when
 * that covers the whole outstanding demand (a {@code request(1)} subscriber gets one item per
 * round trip, no more).
 *
 * <p><b>Lifecycle.</b> Nothing is opened until the first valid request: {@code request(0)} fails
 * here with no trip to the service. The open request carries the first credits; further credit
 * waits for its answer, so it can never overtake the open. Cancellation sends a cancel, which
 * releases the service's snapshot or feed; the end frame (complete or error) arrives in order
 * after the items before it.
 *
 * <p><b>Timeouts.</b> Opening is a request, answered (or failed with {@code TIMEOUT}) within
 * the client's request timeout. After that the service owes items whenever it has been granted
 * more than it sent and has not ended the stream; a stream whose service owes items and sends no
 * frame for a whole request timeout (counted from the last frame, or from the grant that made it
 * owe) fails with {@code TIMEOUT} and is cancelled, so a store that stops answering mid-scan is
 * an error, not a hang. Only what was granted counts, never what the subscriber has yet to
 * take: a slow subscriber owes, the service does not, so it never times out. A watch ({@code
 * feed}) is exempt once open: it may legitimately wait forever for the next change; a lost
 * store node still fails it through the client's lease renewal. One timer per stream at a time,
 * set when the service starts to owe and moved on when it fires early, never per frame.
 *
 * <p><b>Threads.</b> Frames arrive on the inbox's event loop and are handed to the subscriber's
 * Vert.x context when it had one; requests come from any thread. Everything is drained with the
 * work-in-progress pattern, so the subscriber is signalled by one thread at a time.
 */
final class StreamSubscription<T> extends SerialDrain implements Subscription, InboxReceiver {

  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<StreamSubscription> REQUESTED =
      AtomicLongFieldUpdater.newUpdater(StreamSubscription.class, "requested");

  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<StreamSubscription> ARRIVED =
      AtomicLongFieldUpdater.newUpdater(StreamSubscription.class, "arrived");

  private final BusClient client;
  private final CoreSubscriber<? super T> actual;
  private final String op;
  private final Object body;
  private final DeliveryOptions delivery;
  private final Context context;
  private final int window;
  private final boolean feed;
  private final long timeoutNanos;
  private final Queue<Object> inbound = new ConcurrentLinkedQueue<>();

  private volatile long requested;
  private volatile boolean cancelled;
  private volatile boolean acknowledged;
  private volatile Throwable badRequest;

  // written on arrival (the inbox's event loop), before the frame waits for the subscriber
  private volatile long arrived;
  private volatile boolean endArrived;
  private volatile long lastFrameAt;
  private volatile boolean deadlineDue;

  // owned by the drainer
  private long id = -1;
  private long delivered;
  private long granted;
  private long owingSince;
  private long timer = -1;
  private boolean done;
  private StreamFrame current;
  private int index;

  /** {@code feed}: a watch, which may stay silent forever once open. */
  StreamSubscription(BusClient client, CoreSubscriber<? super T> actual, String op, Object body,
      DeliveryOptions delivery, Context context, int window, boolean feed) {
    this.client = client;
    this.actual = actual;
    this.op = op;
    this.body = body;
    this.delivery = delivery;
    this.context = context;
    this.window = window;
    this.feed = feed;
    this.timeoutNanos = client.options().requestTimeout().toNanos();
    this.lastFrameAt = System.nanoTime(); // before any owing: nanoTime has no zero to start at
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      badRequest = new IllegalArgumentException(
          "§3.9 violated: request must be positive, was " + n);
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

  @Override
  public void accept(StreamFrame frame) {
    // counted as it arrives, not as it is taken: a frame waiting for a slow subscriber is paid
    lastFrameAt = System.nanoTime();
    ARRIVED.addAndGet(this, frame.items().size());
    if (frame.end()) {
      endArrived = true;
    }
    enqueue(frame);
  }

  @Override
  public void fail(Throwable error) {
    enqueue(error);
  }

  private void enqueue(Object signal) {
    onContext(() -> {
      inbound.add(signal);
      drain();
    });
  }

  private void onContext(Runnable action) {
    if (context != null && context != Vertx.currentContext()) {
      context.runOnContext(v -> action.run());
    } else {
      action.run();
    }
  }

  @Override
  boolean ended() {
    return done;
  }

  @Override
  void discard() {
    inbound.clear();
  }

  @Override
  @SuppressWarnings("unchecked")
  void work() {
    while (true) {
      if (cancelled) {
        finish(true);
        return;
      }
      Throwable bad = badRequest;
      if (bad != null) {
        finish(true);
        actual.onError(bad);
        return;
      }
      if (deadlineDue) {
        deadlineDue = false;
        timer = -1;
        if (owes() && System.nanoTime() - deadline() >= 0) {
          finish(true);
          actual.onError(Failures.timeout(client.address(op), "no frame of stream " + id
              + " within " + timeoutNanos / 1_000_000 + " ms while "
              + (granted - arrived) + " granted items were owed"));
          return;
        }
      }
      if (current == null || index == current.items().size()) {
        StreamFrame last = current;
        if (last != null && last.end()) {
          finish(false);
          if (last.errorCode() == 0) {
            actual.onComplete();
          } else {
            actual.onError(Failures.rebuild(last));
          }
          return;
        }
        Object next = inbound.poll();
        if (next == null) {
          break;
        }
        if (next instanceof Throwable) {
          finish(true);
          actual.onError((Throwable) next);
          return;
        }
        current = (StreamFrame) next;
        index = 0;
        continue;
      }
      if (delivered == requested) {
        break;
      }
      T item = (T) current.items().get(index++);
      delivered++;
      try {
        actual.onNext(item);
      } catch (Throwable e) {
        finish(true);
        actual.onError(Operators.onOperatorError(this, e, item, actual.currentContext()));
        return;
      }
    }
    grant();
    watchService();
  }

  /** Called only by the drain owner: opens the stream or tops up its credit. */
  private void grant() {
    long r = requested;
    long free = window - (granted - delivered);
    long want = Math.min(r - granted, free);
    if (want <= 0) {
      return;
    }
    if (id < 0) {
      owingSince = System.nanoTime();
      granted = want;
      open(want);
    } else if (acknowledged && (want >= Math.max(1, window / 2) || want == r - granted)) {
      if (!owes()) { // the service starts to owe now, not when it last sent a frame
        owingSince = System.nanoTime();
      }
      granted += want;
      client.credit(id, want);
    }
  }

  /**
   * Whether the service owes items: granted, not sent, and the stream not ended. Called only
   * by the drain owner; what arrives meanwhile only makes it owe less.
   */
  private boolean owes() {
    return !feed && id >= 0 && !endArrived && granted > arrived;
  }

  /** When the service's silence becomes a timeout, as of now. */
  private long deadline() {
    long since = lastFrameAt;
    return (since - owingSince > 0 ? since : owingSince) + timeoutNanos;
  }

  /**
   * Called only by the drain owner: while the service owes, a timer runs until the deadline.
   * One that fires early (frames came since it was set) is set again for what is left.
   */
  private void watchService() {
    if (done || timer >= 0 || !owes()) {
      return;
    }
    long millis = Math.max(1, (deadline() - System.nanoTime() + 999_999) / 1_000_000);
    timer = client.setTimer(millis, () -> onContext(() -> {
      deadlineDue = true;
      drain();
    }));
  }

  /**
   * Opens at once with no credit and signals {@code onSubscribe} only once the service has
   * registered the watch with the store: from then on every committed change is in it, as
   * with the embedded store's watch, whose {@code onSubscribe} follows its registration too.
   * The client's own requests made meanwhile wait for the open (see {@link BusClient}).
   */
  void openEagerly() {
    id = client.register(this);
    DeliveryOptions d = new DeliveryOptions(delivery)
        .addHeader(Addresses.STREAM, Long.toString(id))
        .addHeader(Addresses.INITIAL_CREDIT, "0");
    client.openWatch(op, body, d)
        .onComplete(ar -> {
          acknowledged = ar.succeeded();
          actual.onSubscribe(this);
          if (ar.failed()) {
            fail(ar.cause());
          } else {
            drain();
          }
        });
  }

  private void open(long credit) {
    id = client.register(this);
    DeliveryOptions d = new DeliveryOptions(delivery)
        .addHeader(Addresses.STREAM, Long.toString(id))
        .addHeader(Addresses.INITIAL_CREDIT, Long.toString(credit));
    client.open(op, body, d)
        .onComplete(ar -> {
          if (ar.failed()) {
            fail(ar.cause());
          } else {
            acknowledged = true;
            drain();
          }
        });
  }

  /** Called only by the drain owner. */
  private void finish(boolean tellService) {
    done = true;
    current = null;
    if (timer >= 0) {
      client.cancelTimer(timer);
      timer = -1;
    }
    if (id >= 0) {
      client.unregister(id);
      if (tellService) {
        client.cancel(id);
      }
    }
  }
}
