package dev.weir.vertx;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.StoreReplacedException;
import dev.weir.vertx.codec.Codecs;
import dev.weir.vertx.codec.Credit;
import dev.weir.vertx.codec.StreamFrame;
import dev.weir.vertx.codec.WeirFailure;
import dev.weir.vertx.codec.WireText;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The client's transport: requests with a timeout, one inbox for the frames of all its streams
 * and uploads, and the lease it keeps on what it holds open on the service.
 *
 * <p>The inbox address doubles as the client's identity ({@code owner} header): the service
 * sends frames there and keys leases by it. While the client holds anything open it renews the
 * lease every {@code renewInterval}; a renewal that fails (the store node is gone, or the
 * service already let the lease go) fails every open stream, so a lost store never leaves a
 * subscriber hanging.
 *
 * <p><b>One store.</b> Every answer names the store that gave it (see {@link StoreIdentity});
 * the client remembers the first it hears from and names it on each request. When a new store is
 * served under the name (its server restarted), it refuses those requests with {@link
 * StoreReplacedException} without running them, and the client from then on uses the new store:
 * each request that was sent for the old store fails so, once, and later ones proceed. A
 * renewal refused so fails every open stream: those were the old store's.
 *
 * <p><b>Watches before writes.</b> A watch is open once the service has registered it, a round
 * trip after its subscription; a write this client sends meanwhile could reach the store first
 * (in a cluster a route lookup can hold back one message and not another) and the watch would
 * miss it. So a request is sent only once every watch that was opening when it was made is open
 * (or failed): a change this client writes after subscribing a watch is always in the watch,
 * as with the embedded store. Only watches hold requests back, and only for their opening.
 */
final class BusClient {

  private final Vertx vertx;
  private final EventBus bus;
  private final Addresses addresses;
  private final ClientOptions options;
  private final String inbox;
  private final MessageConsumer<Object> consumer;
  private final DeliveryOptions plain;
  private final DeliveryOptions owned;
  private final Map<Long, InboxReceiver> streams = new ConcurrentHashMap<>();
  private final AtomicLong streamIds = new AtomicLong();
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The identity of the store this client uses; null until the first answer. */
  private final AtomicReference<String> store = new AtomicReference<>();
  /** Completes once the watches opening when it was taken are open or failed. */
  private final AtomicReference<Future<Void>> watchesOpening =
      new AtomicReference<>(Future.succeededFuture());
  private final long renewTimer;

  BusClient(Vertx vertx, String store, ClientOptions options) {
    Codecs.register(vertx.eventBus());
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.addresses = new Addresses(options.prefix(), store);
    this.options = options;
    this.inbox = addresses.inbox(UUID.randomUUID().toString());
    this.plain = new DeliveryOptions().setSendTimeout(options.requestTimeout().toMillis());
    this.owned = headers(Map.of());
    this.consumer = bus.consumer(inbox, this::onFrame);
    this.renewTimer = vertx.setPeriodic(options.renewInterval().toMillis(), id -> renew());
  }

  ClientOptions options() {
    return options;
  }

  boolean isClosed() {
    return closed.get();
  }

  StoreClosedException closedError() {
    return new StoreClosedException("the event-bus client of " + addresses.of("*")
        + " is closed");
  }

  /** Delivery options with the client's identity and {@code extra} headers. */
  DeliveryOptions headers(Map<String, String> extra) {
    DeliveryOptions d = new DeliveryOptions()
        .setSendTimeout(options.requestTimeout().toMillis())
        .addHeader(Addresses.OWNER, inbox);
    extra.forEach(d::addHeader);
    return d;
  }

  DeliveryOptions plain() {
    return plain;
  }

  DeliveryOptions owned() {
    return owned;
  }

  /** A cold request; {@code release} disposes of a result that nobody took. */
  <T> MonoRequest<T> request(String op, Object body, DeliveryOptions delivery,
      Function<Object, T> decode, java.util.function.Consumer<T> release) {
    return new MonoRequest<>(this, addresses.of(op), body, delivery, decode, release);
  }

  <T> MonoRequest<T> request(String op, Object body, DeliveryOptions delivery, Class<T> type) {
    return request(op, body, delivery, type::cast, null);
  }

  /** Sends now, even when closed (releasing what the client held must still go out). */
  Future<Message<Object>> requestNow(String op, Object body, DeliveryOptions delivery) {
    return requestTo(addresses.of(op), body, delivery);
  }

  /**
   * Sends once the watches opening now are open; the reply arrives on the caller's context
   * either way.
   */
  Future<Message<Object>> requestTo(String address, Object body, DeliveryOptions delivery) {
    if (body instanceof WireText text) {
      try {
        text.checkText();
      } catch (InvalidArgumentException e) {
        return Future.failedFuture(e);
      }
    }
    Future<Void> watches = watchesOpening.get();
    if (watches.isComplete()) {
      return send(address, body, delivery);
    }
    Context caller = Vertx.currentContext();
    Promise<Message<Object>> answered = Promise.promise();
    watches.onComplete(v -> {
      if (caller == null) {
        send(address, body, delivery).onComplete(answered);
      } else {
        caller.runOnContext(x -> send(address, body, delivery).onComplete(answered));
      }
    });
    return answered.future();
  }

  private Future<Message<Object>> send(String address, Object body, DeliveryOptions delivery) {
    String expected = store.get();
    DeliveryOptions d = expected == null
        ? delivery : new DeliveryOptions(delivery).addHeader(Addresses.EXPECTED_STORE, expected);
    return bus.request(address, body, d).transform(ar -> answeredBy(ar, expected, address));
  }

  private static <T> Future<T> settled(AsyncResult<T> ar) {
    return ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(ar.cause());
  }

  /**
   * Checks who answered a request sent for {@code expected} (null: not known yet): the first
   * store heard from becomes this client's; an answer from another store moves the client to it
   * and, unless the store already refused the request so, fails it with STORE_REPLACED.
   */
  private Future<Message<Object>> answeredBy(AsyncResult<Message<Object>> ar, String expected,
      String address) {
    String answered = ar.succeeded() ? ar.result().headers().get(Addresses.STORE)
        : ar.cause() instanceof WeirFailure ? ((WeirFailure) ar.cause()).store() : null;
    if (answered == null || answered.equals(expected)) {
      return settled(ar); // the same store, or a service that does not say
    }
    String known = expected;
    if (known == null) {
      known = store.compareAndExchange(null, answered);
      if (known == null || known.equals(answered)) {
        return settled(ar); // the first store this client hears from
      }
    }
    store.compareAndSet(known, answered);
    if (ar.failed()) {
      return settled(ar); // the new store's own refusal, or its failure
    }
    return Future.failedFuture(new StoreReplacedException(address + " was answered by a new "
        + "store (" + answered + ", not " + known + " as before; a restarted server's in-memory "
        + "store starts empty): its answer is dropped, the next requests go to it"));
  }

  void sendNow(String op, Object body, DeliveryOptions delivery) {
    bus.send(addresses.of(op), body, delivery);
  }

  String address(String op) {
    return addresses.of(op);
  }

  // ------------------------------------------------------------ streams

  /**
   * Sends the request that opens a stream or an upload once the inbox is registered. The request has the
   * request timeout of its own, but registering the inbox is a write to the cluster manager
   * that could stall too, so until the inbox is ready the whole open is bounded by one timer:
   * either way a service (or cluster) that does not answer is a {@code TIMEOUT}, never a hang.
   */
  Future<Message<Object>> open(String op, Object body, DeliveryOptions delivery) {
    return open(op, body, delivery, this::requestTo);
  }

  /**
   * Opens a watch: at once, not behind the watches already opening, and every request made from
   * now on waits until the service has registered it.
   */
  Future<Message<Object>> openWatch(String op, Object body, DeliveryOptions delivery) {
    Future<Message<Object>> opened = open(op, body, delivery, this::send);
    Future<Void> settled = opened.<Void>mapEmpty().otherwiseEmpty();
    watchesOpening.updateAndGet(before -> before.isComplete()
        ? settled
        : Future.join(before, settled).<Void>mapEmpty().otherwiseEmpty());
    return opened;
  }

  private interface Sender {
    Future<Message<Object>> send(String address, Object body, DeliveryOptions delivery);
  }

  private Future<Message<Object>> open(String op, Object body, DeliveryOptions delivery,
      Sender sender) {
    String address = address(op);
    Future<Void> ready = consumer.completion();
    if (ready.succeeded()) { // the usual case: one timeout, the request's
      return sender.send(address, body, delivery)
          .recover(e -> Future.failedFuture(Failures.fromBus(e, address)));
    }
    long bound = options.requestTimeout().toMillis();
    Promise<Message<Object>> opened = Promise.promise();
    long timer = vertx.setTimer(bound, t -> opened.tryFail(Failures.timeout(address,
        "the stream did not open within " + bound + " ms (the client's inbox never registered)")));
    ready.compose(v -> sender.send(address, body, delivery)).onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        opened.tryComplete(ar.result());
      } else {
        opened.tryFail(Failures.fromBus(ar.cause(), address));
      }
    });
    return opened.future();
  }

  /** A one-shot Vert.x timer; its handler runs on the caller's context, or an event loop. */
  long setTimer(long millis, Runnable action) {
    return vertx.setTimer(millis, id -> action.run());
  }

  void cancelTimer(long id) {
    vertx.cancelTimer(id);
  }

  long register(InboxReceiver s) {
    long id = streamIds.incrementAndGet();
    streams.put(id, s);
    return id;
  }

  void unregister(long id) {
    streams.remove(id);
  }

  void credit(long stream, long credits) {
    sendNow(Addresses.CREDIT, new Credit(stream, credits), owned);
  }

  void cancel(long stream) {
    sendNow(Addresses.CANCEL, new Credit(stream, 0), owned);
  }

  private void onFrame(Message<Object> m) {
    if (!(m.body() instanceof StreamFrame)) {
      return; // not ours to answer: the inbox only takes frames
    }
    StreamFrame f = (StreamFrame) m.body();
    InboxReceiver s = streams.get(f.stream());
    if (s != null) {
      s.accept(f);
    }
  }

  // ------------------------------------------------------------ leases

  void held(int delta) {
    held.addAndGet(delta);
  }

  private void renew() {
    long holding = held.get() + streams.size();
    if (holding == 0 || closed.get()) {
      return;
    }
    requestNow(Addresses.RENEW, holding, owned).onFailure(e -> {
      Throwable error = Failures.fromBus(e, address(Addresses.RENEW));
      new ArrayList<>(streams.values()).forEach(s -> s.fail(error));
    });
  }

  /**
   * Closes the client, not the store: open streams fail with {@link StoreClosedException}, and
   * the service releases everything this client held. Completes when the inbox is gone.
   */
  Future<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    vertx.cancelTimer(renewTimer);
    StoreClosedException error = closedError();
    new ArrayList<>(streams.values()).forEach(s -> s.fail(error));
    return requestNow(Addresses.RELEASE, null, owned)
        .<Void>mapEmpty()
        .otherwiseEmpty()
        .compose(v -> consumer.unregister());
  }
}
