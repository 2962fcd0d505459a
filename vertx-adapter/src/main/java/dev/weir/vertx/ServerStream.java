package dev.weir.vertx;

import dev.weir.engine.ErrorCode;
import dev.weir.vertx.codec.StreamFrame;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * The service's end of one stream: subscribes to the store's {@code Flux} and requests from it
 * exactly the credits the client granted, so the store never produces more than the client can
 * hold; what it produces is gathered into frames and sent to the client's inbox.
 *
 * <p>Signals may come from any thread (a watch signals from the committing thread); each is
 * moved onto the binding's event loop, where all state lives. Items that arrive in one turn of
 * the loop leave as one frame (up to {@code maxFrameItems}, and {@code maxFrameBytes} of object
 * content or table items, see {@link FrameWeight}), so a scan that the credit handler pulled
 * synchronously costs one message per frame, not per entry.
 */
final class ServerStream implements CoreSubscriber<Object>, LeasedStream {

  private final StoreBinding binding;
  private final String owner;
  private final long id;
  private final StreamFrame.Kind kind;
  private final int maxFrameItems;
  private final int maxFrameBytes;

  // event-loop confined
  private Subscription upstream;
  private long granted;
  private long unrequested;
  private long sent;
  private List<Object> pending = new ArrayList<>();
  private boolean flushScheduled;
  private boolean finished;
  private boolean completed;
  private Throwable error;

  private ServerStream(StoreBinding binding, String owner, long id, StreamFrame.Kind kind) {
    this.binding = binding;
    this.owner = owner;
    this.id = id;
    this.kind = kind;
    this.maxFrameItems = binding.options().maxFrameItems();
    this.maxFrameBytes = binding.options().maxFrameBytes();
  }

  /**
   * Opens the stream that request {@code m} names (headers {@code owner}, {@code stream} and
   * {@code credit}), leases it to its owner, subscribes to {@code source} and only then answers
   * the request: a watch is registered with the store before its client hears that it is open
   * (a Weir store registers it within {@code subscribe}), so no change committed after the
   * answer can be missed. Frames follow the answer: they leave on a later turn of the loop.
   * Called on the event loop.
   */
  static void open(StoreBinding binding, Message<Object> m, Publisher<?> source,
      StreamFrame.Kind kind) {
    Requests.StreamHeaders h = Requests.streamHeaders(m);
    ServerStream stream = new ServerStream(binding, h.owner(), h.id(), kind);
    binding.holdStream(m, h, stream);
    stream.start(source, h.credit());
    m.reply(null);
  }

  /** Called on the event loop. */
  void start(Publisher<?> source, long initialCredit) {
    credit(initialCredit);
    source.subscribe(this);
  }

  /** Called on the event loop: the client may take {@code n} more items. */
  void credit(long n) {
    if (finished || n <= 0) {
      return;
    }
    granted += n;
    if (upstream == null) {
      unrequested += n;
    } else {
      upstream.request(n);
    }
  }

  @Override
  public void cancel() {
    if (finished) {
      return;
    }
    finish();
    if (upstream != null) {
      upstream.cancel();
    }
  }

  @Override
  public void onSubscribe(Subscription s) {
    binding.onLoop(() -> {
      if (finished) {
        s.cancel();
        return;
      }
      upstream = s;
      if (unrequested > 0) {
        long n = unrequested;
        unrequested = 0;
        s.request(n);
      }
    });
  }

  @Override
  public void onNext(Object item) {
    binding.onLoop(() -> {
      if (finished) {
        return;
      }
      if (++sent > granted) {
        // the source broke its contract; the client must never get more than it granted
        error = new dev.weir.engine.WeirException(ErrorCode.INTERNAL,
            "the store emitted more than was requested on stream " + id);
        upstream.cancel();
      } else {
        pending.add(item);
      }
      scheduleFlush();
    });
  }

  @Override
  public void onError(Throwable t) {
    binding.onLoop(() -> {
      if (!finished && error == null) {
        error = t;
        scheduleFlush();
      }
    });
  }

  @Override
  public void onComplete() {
    binding.onLoop(() -> {
      if (!finished) {
        completed = true;
        scheduleFlush();
      }
    });
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      binding.nextTurn(this::flush);
    }
  }

  private void flush() {
    flushScheduled = false;
    if (finished) {
      return;
    }
    boolean ending = completed || error != null;
    while (true) {
      int n = frameItems();
      if (n == pending.size() && ending) {
        break;
      }
      if (n == 0) {
        return;
      }
      List<Object> head = new ArrayList<>(pending.subList(0, n));
      pending.subList(0, n).clear();
      binding.sendFrame(owner, StreamFrame.items(id, kind, head));
    }
    StreamFrame frame = StreamFrame.items(id, kind, pending);
    finish();
    binding.sendFrame(owner, error == null ? frame.ending(0, 0, null)
        : Failures.ending(frame, error));
  }

  /** How many of the pending items the next frame takes: at least one, if there is one. */
  private int frameItems() {
    int n = 0;
    long bytes = 0;
    while (n < pending.size() && n < maxFrameItems) {
      Object item = pending.get(n);
      bytes += FrameWeight.of(item);
      if (n > 0 && bytes > maxFrameBytes) {
        break;
      }
      n++;
    }
    return n;
  }

  private void finish() {
    finished = true;
    pending = new ArrayList<>();
    binding.leases().removeStream(owner, id);
  }

  /** Items sent minus credits granted never exceeds zero; for tests. */
  long sent() {
    return sent;
  }
}
