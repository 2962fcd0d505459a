package dev.weir.vertx;

import dev.weir.engine.StoreReplacedException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import dev.weir.vertx.codec.Codecs;
import dev.weir.vertx.codec.StreamFrame;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One store served on the event bus: a consumer per operation address, all on one event loop,
 * which also owns the leases and the service's ends of streams and uploads; see {@link
 * StoreService}. The object addresses ({@code object.*}) are served when there is an object
 * store; the tables ({@code table.*}) always, by a {@code TableStore} over the served store.
 *
 * <p>Every request goes through {@link #dispatch}: the sender's lease is renewed, the size is
 * checked before anything reaches the store, and whatever the handling throws (a malformed
 * body, a missing header, a store that throws instead of signalling) becomes an error reply,
 * so no message can break the consumer. Every answer names the store that gave it ({@link
 * StoreIdentity}), and a request meant for another store (its client used one that was served
 * under this name before) is refused with {@code STORE_REPLACED} before it reaches this one.
 */
public final class StoreBinding {

  private final Vertx vertx;
  private final Context context;
  private final ReactiveStore store;
  private final ObjectStore objects;
  /** The served store's tables, made here and closed (their TTL sweep stopped) at unbind. */
  private final TableStore tables;
  private final String name;
  private final ServiceOptions options;
  private final Addresses addresses;
  private final String identity;
  private final Leases leases;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private Thread loop;
  private long sweeper = -1;

  private StoreBinding(Vertx vertx, Context context, ReactiveStore store, ObjectStore objects,
      String name, ServiceOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.store = store;
    this.objects = objects;
    this.tables = Tables.over(store, options.tableOptions());
    this.name = name;
    this.options = options;
    this.addresses = new Addresses(options.prefix(), name);
    this.identity = StoreIdentity.of(store);
    this.leases = new Leases(System::nanoTime, options.leaseTimeout().toNanos());
  }

  static Future<StoreBinding> bind(Vertx vertx, ReactiveStore store, ObjectStore objects,
      String name, ServiceOptions options) {
    Codecs.register(vertx.eventBus());
    Context context = vertx.getOrCreateContext();
    StoreBinding binding = new StoreBinding(vertx, context, store, objects, name, options);
    Promise<StoreBinding> bound = Promise.promise();
    context.runOnContext(v -> binding.start().map(binding).onComplete(bound));
    return bound.future();
  }

  private Future<Void> start() {
    loop = Thread.currentThread();
    Map<String, Operation> ops = new HashMap<>();
    KeyValueOperations.addTo(ops, store);
    ResourceOperations resources = ResourceOperations.addTo(ops, this, store);
    StreamOperations.addTo(ops, this, store, resources);
    if (objects != null) {
      ObjectOperations.addTo(ops, objects);
      ObjectStreamOperations.addTo(ops, this, objects);
    }
    TableOperations.addTo(ops, this, tables);
    EventBus bus = vertx.eventBus();
    List<Future<Void>> registered = new ArrayList<>();
    ops.forEach((op, handler) -> {
      boolean renews = !op.equals(Addresses.RENEW);
      MessageConsumer<Object> c =
          bus.consumer(addresses.of(op), m -> dispatch(m, handler, renews));
      consumers.add(c);
      registered.add(c.completion());
    });
    long period = Math.max(1, options.leaseTimeout().toMillis() / 4);
    sweeper = vertx.setPeriodic(period, id -> leases.sweep());
    return Future.all(registered).mapEmpty();
  }

  private void dispatch(Message<Object> received, Operation handler, boolean renews) {
    Message<Object> m = new StampedRequest(received, identity);
    try {
      String expected = m.headers().get(Addresses.EXPECTED_STORE);
      if (expected != null && !expected.equals(identity)) {
        Failures.reply(m, new StoreReplacedException(addresses.of("*") + " is served by a "
            + "new store (" + identity + ", not " + expected + " as before; a restarted "
            + "server's in-memory store starts empty): this request was not run, the next "
            + "ones go to it"));
        return;
      }
      String owner = m.headers().get(Addresses.OWNER);
      if (owner != null && renews) {
        leases.touch(owner);
      }
      Requests.checkSize(m, options.maxRequestBytes());
      handler.handle(m);
    } catch (Throwable e) {
      Failures.reply(m, e);
    }
  }

  /**
   * Stops serving: unregisters every address and releases what clients hold (streams
   * cancelled, snapshots closed, transactions rolled back). The store stays open: it is the
   * caller's.
   */
  public Future<Void> unbind() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      vertx.cancelTimer(sweeper);
      leases.releaseAll();
      List<Future<Void>> gone = new ArrayList<>();
      consumers.forEach(c -> gone.add(c.unregister()));
      consumers.clear();
      tables.close().subscribe(null, e -> { }); // stops the TTL sweep; the store stays open
      Future.all(gone).<Void>mapEmpty().onComplete(done);
    });
    return done.future();
  }

  /** The address of {@code operation}, e.g. {@code weir.users.get}. */
  public String address(String operation) {
    return addresses.of(operation);
  }

  public String storeName() {
    return name;
  }

  /** The served store's identity, which every answer carries (see {@link StoreIdentity}). */
  String identity() {
    return identity;
  }

  /** Open streams, snapshots and transactions held for clients; for monitoring and tests. */
  public Future<Integer> heldByClients() {
    Promise<Integer> p = Promise.promise();
    context.runOnContext(v -> p.complete(leases.held()));
    return p.future();
  }

  // ------------------------------------------------------------ for the operations

  Leases leases() {
    return leases;
  }

  ServiceOptions options() {
    return options;
  }

  /** Runs {@code task} on the binding's event loop: at once if already there. */
  void onLoop(Runnable task) {
    if (Thread.currentThread() == loop) {
      task.run();
    } else {
      context.runOnContext(v -> task.run());
    }
  }

  /** Runs {@code task} on the event loop after what is running now. */
  void nextTurn(Runnable task) {
    context.runOnContext(v -> task.run());
  }

  /** Leases {@code stream} to the owner that request {@code m} opened it for. */
  void holdStream(Message<Object> m, Requests.StreamHeaders h, LeasedStream stream) {
    if (!leases.addStream(h.owner(), h.id(), stream)) {
      throw Requests.malformed(m, "stream " + h.id() + " is already open");
    }
  }

  void sendFrame(String inbox, StreamFrame frame) {
    vertx.eventBus().send(inbox, frame);
  }
}
