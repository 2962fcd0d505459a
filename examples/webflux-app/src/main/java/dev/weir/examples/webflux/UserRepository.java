package dev.weir.examples.webflux;

import dev.weir.engine.Bytes;
import dev.weir.reactive.ReactiveStore;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users in the store: each under {@code user:<id>}, as JSON. Every method is a cold publisher
 * straight from the store: nothing is read or written before a subscriber asks, and a scan
 * reads no further than its subscriber's demand.
 */
@Repository
class UserRepository {

  private static final String PREFIX = "user:";

  private final ReactiveStore store;
  private final JsonMapper json;

  UserRepository(ReactiveStore store, JsonMapper json) {
    this.store = store;
    this.json = json;
  }

  Mono<Void> save(User user) {
    return Mono.defer(() -> store.put(key(user.id()), Bytes.wrap(json.writeValueAsBytes(user))));
  }

  Mono<User> find(String id) {
    return store.get(key(id)).map(this::user);
  }

  Mono<Boolean> delete(String id) {
    return store.delete(key(id));
  }

  /** The users whose id starts with {@code prefix}, in id order, as fast as they are asked. */
  Flux<User> findByIdPrefix(String prefix) {
    return store.scan(key(prefix)).map(e -> user(e.value()));
  }

  /** Every change to a user from the moment this is subscribed: puts, deletes, expiries. */
  Flux<UserChange> changes() {
    return store.watch(Bytes.utf8(PREFIX)).handle((e, sink) -> {
      String id = e.key().asUtf8().substring(PREFIX.length());
      switch (e.type()) {
        case PUT -> sink.next(new UserChange("put", id, user(e.value()), e.sequence()));
        case DELETE -> sink.next(new UserChange("delete", id, null, e.sequence()));
        case EXPIRE -> sink.next(new UserChange("expire", id, null, e.sequence()));
        default -> { } // range deletes and log records: this application writes neither
      }
    });
  }

  private User user(Bytes value) {
    return json.readValue(value.toByteArray(), User.class);
  }

  private static Bytes key(String id) {
    return Bytes.utf8(PREFIX + id);
  }
}
