package dev.weir.vertx;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import dev.weir.vertx.codec.StreamFrame;
import dev.weir.vertx.codec.UploadChunk;
import dev.weir.vertx.codec.UploadGrant;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * One upload (a put or a part) from the client's side, the mirror of {@link ServerUpload}.
 *
 * <p><b>Flow.</b> At the first request the upload is opened on the service; its answer, the
 * {@link UploadGrant}, comes once the store is ready for content (a bad key, bucket or upload
 * fails it before the content is read at all). Only then is the caller's content subscribed,
 * one buffer at a time, each copied into chunks ({@link ChunkPacker}) as it arrives. Chunks are
 * sent while fewer than the window are unanswered, and the content is asked for more only while
 * the chunks sent and ready stay below the window: memory is bounded by the window, never by
 * the content. A chunk is answered once the store took it; the last one with the result.
 *
 * <p><b>Endings.</b> A failure from the service (a chunk's answer, an open that failed, a frame
 * in the inbox, a lost lease) or from the content, and a cancel, all cancel the content and tell
 * the service, which cancels the store's upload: nothing is stored. The content's own error is
 * passed on as it is; the service's are the store's exception kinds.
 *
 * <p><b>Threads.</b> Signals come from the caller, the content and the bus, on any thread; they
 * are queued and handled by one drainer at a time (work in progress), which alone sends. The
 * result is delivered on the caller's Vert.x context when it had one.
 */
final class UploadCall<T> extends SerialDrain implements Subscription, InboxReceiver {

  /** A chunk answered without a result: one more may be sent. */
  private static final Object ACK = new Object();

  private record Chunk(ByteBuffer data, boolean last) {}

  private record Result(Object value) {}

  private record Failure(Throwable error) {}

  private final BusClient client;
  private final CoreSubscriber<? super T> actual;
  private final String op;
  private final Object body;
  private final Publisher<ByteBuffer> content;
  private final Class<T> type;
  private final Context context;
  private final Queue<Object> events = new ConcurrentLinkedQueue<>();
  private final Queue<Chunk> ready = new ConcurrentLinkedQueue<>();
  private final Source source = new Source();

  private volatile boolean requested;
  private volatile boolean cancelled;
  private volatile boolean done;
  private volatile boolean sourceDone;
  private volatile boolean asked;
  private volatile Subscription sourceSubscription;

  // owned by the drainer
  private long id = -1;
  private boolean opened;
  private int window;
  private int inFlight;
  private long seq;
  private boolean lastSent;

  UploadCall(BusClient client, CoreSubscriber<? super T> actual, String op, Object body,
      Publisher<ByteBuffer> content, Class<T> type, Context context) {
    this.client = client;
    this.actual = actual;
    this.op = op;
    this.body = body;
    this.content = content;
    this.type = type;
    this.context = context;
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      events.add(new Failure(new IllegalArgumentException(
          "§3.9 violated: request must be positive, was " + n)));
    } else {
      requested = true;
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
    if (frame.end() && frame.errorCode() != 0) {
      event(new Failure(Failures.rebuild(frame)));
    }
  }

  @Override
  public void fail(Throwable error) {
    event(new Failure(error));
  }

  private void event(Object e) {
    events.add(e);
    drain();
  }

  @Override
  boolean ended() {
    return done;
  }

  @Override
  void discard() {
    events.clear();
    ready.clear();
  }

  @Override
  void work() {
    if (cancelled) {
      end(true);
      return;
    }
    Object e;
    while ((e = events.poll()) != null) {
      if (e == ACK) {
        inFlight--;
      } else if (e instanceof UploadGrant) {
        opened((UploadGrant) e);
      } else if (e instanceof Result) {
        end(false);
        succeed(((Result) e).value());
        return;
      } else {
        end(true);
        Throwable error = ((Failure) e).error();
        signal(() -> actual.onError(error));
        return;
      }
    }
    if (id < 0) {
      if (requested) {
        open();
      }
      return;
    }
    if (opened) {
      send();
      pull();
    }
  }

  private void open() {
    id = client.register(this);
    DeliveryOptions d = new DeliveryOptions(client.owned())
        .addHeader(Addresses.STREAM, Long.toString(id))
        .addHeader(Addresses.INITIAL_CREDIT, Integer.toString(client.options().uploadWindow()));
    long opening = id;
    client.open(op, body, d)
        .onComplete(ar -> {
          if (ar.failed()) {
            event(new Failure(ar.cause()));
          } else if (done) {
            client.cancel(opening); // a cancel sent before the open arrived found nothing
          } else if (ar.result().body() instanceof UploadGrant) {
            event(ar.result().body());
          } else {
            event(new Failure(new WeirException(ErrorCode.INTERNAL,
                "the service answered an upload's open with " + ar.result().body())));
          }
        });
  }

  /** Called only by the drainer: the store is ready; the content is read from now on. */
  private void opened(UploadGrant grant) {
    ClientOptions o = client.options();
    window = Math.max(1, Math.min(o.uploadWindow(), grant.window()));
    source.packer = new ChunkPacker(Math.max(1, Math.min(o.uploadChunkBytes(),
        grant.chunkBytes())));
    opened = true;
    content.subscribe(source);
  }

  /** Called only by the drainer. */
  private void send() {
    Chunk c;
    while (!lastSent && inFlight < window && (c = ready.poll()) != null) {
      inFlight++;
      lastSent = c.last();
      boolean last = c.last();
      client.requestNow(Addresses.OBJ_CHUNK, new UploadChunk(id, seq++, last, c.data()),
              client.owned())
          .onComplete(ar -> {
            if (ar.failed()) {
              String address = client.address(Addresses.OBJ_CHUNK);
              event(new Failure(Failures.fromBus(ar.cause(), address)));
            } else {
              event(last ? new Result(ar.result().body()) : ACK);
            }
          });
    }
  }

  /** Called only by the drainer: one more buffer of content, while the window has room. */
  private void pull() {
    Subscription s = sourceSubscription;
    if (s != null && !sourceDone && !asked && inFlight + ready.size() < window) {
      asked = true;
      s.request(1);
    }
  }

  /** Called only by the drainer: no more signals, and the service told unless it finished. */
  private void end(boolean tellService) {
    done = true;
    Subscription s = sourceSubscription;
    if (s != null && !sourceDone) {
      s.cancel();
    }
    if (id >= 0) {
      client.unregister(id);
      if (tellService) {
        client.cancel(id);
      }
    }
  }

  private void succeed(Object value) {
    if (!type.isInstance(value)) {
      signal(() -> actual.onError(new WeirException(ErrorCode.INTERNAL,
          "the service answered an upload with " + value)));
      return;
    }
    T result = type.cast(value);
    signal(() -> {
      actual.onNext(result);
      actual.onComplete();
    });
  }

  private void signal(Runnable r) {
    if (context != null && context != Vertx.currentContext()) {
      context.runOnContext(v -> r.run());
    } else {
      r.run();
    }
  }

  /** The caller's content: each buffer copied into chunks as it arrives. */
  private final class Source implements CoreSubscriber<ByteBuffer> {

    ChunkPacker packer;

    @Override
    public void onSubscribe(Subscription s) {
      if (!Operators.validate(sourceSubscription, s)) {
        return;
      }
      sourceSubscription = s;
      if (done) {
        s.cancel();
      } else {
        drain();
      }
    }

    @Override
    public void onNext(ByteBuffer buffer) {
      if (done) {
        return;
      }
      for (ByteBuffer chunk : packer.accept(buffer)) {
        ready.add(new Chunk(chunk, false));
      }
      asked = false;
      drain();
    }

    @Override
    public void onError(Throwable t) {
      sourceDone = true;
      event(new Failure(t));
    }

    @Override
    public void onComplete() {
      sourceDone = true;
      ready.add(new Chunk(packer.finish(), true));
      drain();
    }
  }
}
