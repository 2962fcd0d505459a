package dev.weir.vertx;

import static dev.weir.vertx.Requests.body;
import static dev.weir.vertx.Requests.header;
import static dev.weir.vertx.Requests.nullableBody;

import dev.weir.engine.KeyRange;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.vertx.codec.Credit;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.StreamFrame;
import io.vertx.core.eventbus.Message;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Streams and the leases that bound them. A stream opens by request (the client names it with
 * its own id and grants the first credits), then flows as frames to the client's inbox while
 * credits last; more credit and cancellation arrive as one-way messages.
 */
final class StreamOperations {

  private final StoreBinding binding;
  private final ReactiveStore store;
  private final ResourceOperations resources;

  private StreamOperations(StoreBinding binding, ReactiveStore store,
      ResourceOperations resources) {
    this.binding = binding;
    this.store = store;
    this.resources = resources;
  }

  static void addTo(Map<String, Operation> ops, StoreBinding binding, ReactiveStore store,
      ResourceOperations resources) {
    StreamOperations s = new StreamOperations(binding, store, resources);
    ops.put(Addresses.SCAN, m -> s.open(m, s.scanSource(m), StreamFrame.Kind.ENTRY));
    ops.put(Addresses.HISTORY, m -> s.open(m, store.history(body(m, KeyRequest.class).key()),
        StreamFrame.Kind.KEY_VERSION));
    ops.put(Addresses.WATCH, m -> s.open(m, store.watch(body(m, KeyRequest.class).key()),
        StreamFrame.Kind.CHANGE));
    ops.put(Addresses.WATCH_FROM, m -> {
      KeyRequest k = body(m, KeyRequest.class);
      s.open(m, store.watch(k.key(), k.arg()), StreamFrame.Kind.CHANGE);
    });
    ops.put(Addresses.CREDIT, m -> {
      Credit c = body(m, Credit.class);
      LeasedStream stream = binding.leases().stream(header(m, Addresses.OWNER), c.stream());
      if (stream instanceof ServerStream) {
        ((ServerStream) stream).credit(c.credits());
      }
    });
    ops.put(Addresses.CANCEL, m -> {
      Credit c = body(m, Credit.class);
      LeasedStream stream = binding.leases().stream(header(m, Addresses.OWNER), c.stream());
      if (stream != null) {
        stream.cancel();
      }
    });
    ops.put(Addresses.RENEW, s::renew);
    ops.put(Addresses.RELEASE, m -> {
      binding.leases().release(header(m, Addresses.OWNER));
      m.reply(null);
    });
  }

  private Publisher<?> scanSource(Message<Object> m) {
    KeyRange range = nullableBody(m, KeyRange.class);
    if (m.headers().contains(Addresses.SNAPSHOT_ID)) {
      return resources.snapshot(m).scan(range);
    }
    if (m.headers().contains(Addresses.TX_ID)) {
      return resources.transaction(m).scan(range);
    }
    return store.scan(range);
  }

  private void open(Message<Object> m, Publisher<?> source, StreamFrame.Kind kind) {
    ServerStream.open(binding, m, source, kind);
  }

  /**
   * A client renews its lease and says how much it believes it holds; if the service let the
   * lease go while the client held something, that belief is stale and the client must fail
   * what it holds. An owner the service merely does not know yet is a client whose first open
   * is still on its way: its renewal is a renewal.
   */
  private void renew(Message<Object> m) {
    String owner = header(m, Addresses.OWNER);
    long held = body(m, Long.class);
    boolean lapsed = binding.leases().takeLapsed(owner);
    binding.leases().touch(owner);
    if (lapsed && held > 0) {
      Failures.reply(m, new WeirException(ErrorCode.TIMEOUT, "the lease of " + owner
          + " expired: its streams, snapshots and transactions were released"));
    } else {
      m.reply(null);
    }
  }
}
