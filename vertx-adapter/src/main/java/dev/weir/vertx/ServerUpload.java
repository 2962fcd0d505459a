package dev.weir.vertx;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.WeirException;
import dev.weir.vertx.codec.StreamFrame;
import dev.weir.vertx.codec.UploadChunk;
import dev.weir.vertx.codec.UploadGrant;
import io.vertx.core.eventbus.Message;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The service's end of one upload (a put or a part): the content {@code Flux} the store reads,
 * fed by the client's chunks under a window of chunks that the service grants.
 *
 * <p><b>Flow.</b> The open request is answered with an {@link UploadGrant} only once the store
 * asks for content, that is after it checked the key, the bucket or the upload: a bad request
 * fails before a byte moves, as the embedded store fails before reading its content. The client
 * may then have {@code window} chunks unanswered. A chunk is answered when the store takes it
 * (it had requested one more), so at most {@code window} chunks wait here and the store's own
 * backpressure reaches the client's source. The last chunk is answered with the result.
 *
 * <p><b>Endings.</b> A cancel (the client's, or its lease running out) cancels the store's
 * upload, which then stores nothing. A store failure answers every chunk waiting here and goes
 * to the client's inbox at once (the client may be waiting on its own source, with nothing in
 * flight); the upload stays leased, answering later chunks with the same failure, until the
 * client's cancel. A client that breaks the protocol (chunks out of order, past the window,
 * beyond the object limit) fails its upload the same way.
 *
 * <p>Confined to the binding's event loop: the store's signals, from whatever thread, are moved
 * there, as in {@link ServerStream}.
 */
final class ServerUpload implements LeasedStream {

  private final StoreBinding binding;
  private final String owner;
  private final long id;
  private final int window;
  private final long maxObjectBytes;

  // event-loop confined
  private Message<Object> opening;
  private final ArrayDeque<Message<Object>> waiting = new ArrayDeque<>();
  private Message<Object> last;
  private CoreSubscriber<? super ByteBuffer> reader;
  private boolean readerCancelled;
  private Subscription outcome;
  private Object result;
  private long demand;
  private long nextSeq;
  private long bytes;
  private boolean draining;
  private boolean missed;
  private Throwable failure;
  private boolean finished;

  private ServerUpload(StoreBinding binding, String owner, long id, int window) {
    this.binding = binding;
    this.owner = owner;
    this.id = id;
    this.window = window;
    this.maxObjectBytes = binding.options().maxObjectBytes();
  }

  /**
   * Opens the upload that request {@code m} names (headers {@code owner}, {@code stream}, and
   * {@code credit}: the window the client asks for), leases it, and calls the store: {@code
   * call} gets the content and gives the store's outcome. Called on the event loop.
   */
  static void open(StoreBinding binding, Message<Object> m,
      Function<Flux<ByteBuffer>, Mono<?>> call) {
    Requests.StreamHeaders h = Requests.streamHeaders(m);
    if (h.credit() < 1) {
      throw Requests.malformed(m, "an upload needs a window of at least one chunk");
    }
    int window = (int) Math.min(h.credit(), binding.options().maxUploadWindow());
    ServerUpload upload = new ServerUpload(binding, h.owner(), h.id(), window);
    Mono<?> outcome = call.apply(upload.new Content());
    binding.holdStream(m, h, upload);
    upload.opening = m;
    outcome.subscribe(upload.new Outcome());
  }

  /** Called on the event loop: the next chunk from the client. */
  void chunk(Message<Object> m, UploadChunk c) {
    if (failure != null) {
      Failures.reply(m, failure);
      return;
    }
    WeirException refused = refusal(c);
    if (refused != null) {
      fail(refused);
      Failures.reply(m, refused);
      return;
    }
    nextSeq++;
    bytes += c.data().remaining();
    waiting.add(m);
    drain();
  }

  private WeirException refusal(UploadChunk c) {
    if (c.data() == null) {
      return new InvalidArgumentException("chunk " + c.seq() + " of upload " + id
          + " without data");
    }
    if (opening != null || last != null) {
      return new InvalidArgumentException("chunk " + c.seq() + " of upload " + id
          + (last != null ? " after its last chunk" : " before its window was granted"));
    }
    if (c.seq() != nextSeq) {
      return new InvalidArgumentException("chunk " + c.seq() + " of upload " + id
          + " out of order: expected " + nextSeq);
    }
    if (waiting.size() >= window) {
      return new InvalidArgumentException("upload " + id + " has more than its window of "
          + window + " chunks unanswered");
    }
    if (bytes + c.data().remaining() > maxObjectBytes) {
      return new InvalidArgumentException("upload " + id + " exceeds the service's "
          + "maxObjectBytes " + maxObjectBytes);
    }
    return null;
  }

  /** Hands waiting chunks to the store while it asks for them; answers each as it goes. */
  private void drain() {
    if (draining) {
      missed = true; // the store asked for more from inside onNext: the loop below goes on
      return;
    }
    draining = true;
    do {
      missed = false;
      while (failure == null && !finished && reader != null && !readerCancelled
          && !waiting.isEmpty()) {
        Message<Object> m = waiting.peek();
        UploadChunk c = (UploadChunk) m.body();
        boolean hasData = c.data().hasRemaining();
        if (hasData && demand == 0) {
          break;
        }
        waiting.poll();
        if (hasData) {
          demand--;
          reader.onNext(c.data().duplicate());
        }
        if (c.last()) {
          last = m;
          reader.onComplete();
        } else {
          m.reply(null);
        }
      }
    } while (missed);
    draining = false;
  }

  /** The store's upload failed, or the client broke the protocol: see the class comment. */
  private void fail(Throwable e) {
    if (finished || failure != null) {
      return;
    }
    if (outcome != null) {
      outcome.cancel(); // a no-op after the store's own failure; stores nothing otherwise
    }
    if (opening != null) {
      Failures.reply(opening, e); // nothing was granted: the client sees it on its open
      opening = null;
      finish();
      return;
    }
    failure = e;
    answerAll(e);
    binding.sendFrame(owner,
        Failures.ending(StreamFrame.items(id, StreamFrame.Kind.BUFFER, List.of()), e));
  }

  private void succeed() {
    if (finished || failure != null) {
      return;
    }
    if (last == null) {
      fail(new WeirException(ErrorCode.INTERNAL,
          "the store ended upload " + id + " before its content ended"));
      return;
    }
    Message<Object> answer = last;
    last = null;
    finish();
    answer.reply(result);
  }

  @Override
  public void cancel() {
    if (finished) {
      return;
    }
    finish();
    if (outcome != null) {
      outcome.cancel();
    }
    answerAll(new WeirException(ErrorCode.TIMEOUT,
        "upload " + id + " was cancelled, or the lease of " + owner + " expired"));
  }

  private void finish() {
    finished = true;
    binding.leases().removeStream(owner, id);
  }

  private void answerAll(Throwable e) {
    for (Message<Object> m : waiting) {
      Failures.reply(m, e);
    }
    waiting.clear();
    if (last != null) {
      Failures.reply(last, e);
      last = null;
    }
    if (opening != null) {
      Failures.reply(opening, e);
      opening = null;
    }
  }

  /** The content the store reads: once, at the pace it requests. */
  private final class Content extends Flux<ByteBuffer> {

    @Override
    public void subscribe(CoreSubscriber<? super ByteBuffer> actual) {
      binding.onLoop(() -> {
        if (reader != null || finished) {
          Operators.error(actual, new IllegalStateException(
              "the content of upload " + id + " can be read once, while it is open"));
          return;
        }
        reader = actual;
        actual.onSubscribe(new Demand());
      });
    }
  }

  private final class Demand implements Subscription {

    @Override
    public void request(long n) {
      binding.onLoop(() -> {
        if (n <= 0 || finished) {
          return; // a store breaking §3.9 fails its own upload; nothing to feed once finished
        }
        demand = Operators.addCap(demand, n);
        if (opening != null) {
          opening.reply(new UploadGrant(window, binding.options().maxRequestBytes()));
          opening = null;
        }
        drain();
      });
    }

    @Override
    public void cancel() {
      // the store stopped reading: it failed, or was cancelled; its outcome says which
      binding.onLoop(() -> readerCancelled = true);
    }
  }

  /** The store's outcome: the result answers the last chunk; a failure, everything. */
  private final class Outcome implements CoreSubscriber<Object> {

    @Override
    public void onSubscribe(Subscription s) {
      binding.onLoop(() -> {
        outcome = s;
        if (finished) {
          s.cancel();
        } else {
          s.request(Long.MAX_VALUE);
        }
      });
    }

    @Override
    public void onNext(Object value) {
      binding.onLoop(() -> result = value);
    }

    @Override
    public void onError(Throwable t) {
      binding.onLoop(() -> fail(t));
    }

    @Override
    public void onComplete() {
      binding.onLoop(ServerUpload.this::succeed);
    }
  }
}
