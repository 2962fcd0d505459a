package dev.weir.vertx;

import static dev.weir.vertx.Requests.body;
import static dev.weir.vertx.Requests.nullableBody;

import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.PutRequest;
import java.util.Map;

/** The plain operations: one request, one store call, one reply. */
final class KeyValueOperations {

  private KeyValueOperations() {}

  static void addTo(Map<String, Operation> ops, ReactiveStore store) {
    ops.put(Addresses.GET, m -> Replies.answer(m, store.get(body(m, KeyRequest.class).key())));
    ops.put(Addresses.GET_ENTRY,
        m -> Replies.answer(m, store.getEntry(body(m, KeyRequest.class).key())));
    ops.put(Addresses.PUT, m -> {
      PutRequest p = body(m, PutRequest.class);
      if (p.withOptions()) {
        Replies.answer(m, store.put(p.key(), p.value(), p.options()));
      } else {
        Replies.answer(m, store.put(p.key(), p.value()));
      }
    });
    ops.put(Addresses.DELETE,
        m -> Replies.answer(m, store.delete(body(m, KeyRequest.class).key())));
    ops.put(Addresses.DELETE_IF, m -> {
      KeyRequest k = body(m, KeyRequest.class);
      Replies.answer(m, store.delete(k.key(), k.arg()));
    });
    ops.put(Addresses.DELETE_PREFIX,
        m -> Replies.answer(m, store.deletePrefix(body(m, KeyRequest.class).key())));
    ops.put(Addresses.WRITE,
        m -> Replies.answer(m, store.write(nullableBody(m, WriteBatch.class))));
    ops.put(Addresses.STATS, m -> Replies.answer(m, store.stats()));
    ops.put(Addresses.COMPACT, m -> Replies.answer(m, store.compact()));
  }
}
