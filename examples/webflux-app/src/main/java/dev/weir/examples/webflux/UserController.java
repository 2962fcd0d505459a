package dev.weir.examples.webflux;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Users over HTTP.
 *
 * <pre>
 *   PUT    /users/{id}          a user as JSON                                 204
 *   GET    /users/{id}          the user                                       200, or 404
 *   DELETE /users/{id}                                                         204, or 404
 *   GET    /users?prefix=p      the users whose id starts with p, as NDJSON, in id order
 *   GET    /users/changes       every change from now on, as server-sent events
 * </pre>
 *
 * <p>The listing is the store's scan itself, not a list: WebFlux asks it for users as the
 * connection takes them, so a slow client holds the scan back instead of making the server
 * buffer it.
 */
@RestController
@RequestMapping("/users")
class UserController {

  private final UserRepository users;

  UserController(UserRepository users) {
    this.users = users;
  }

  @PutMapping("/{id}")
  Mono<ResponseEntity<Void>> put(@PathVariable String id, @RequestBody User user) {
    return users.save(user.withId(id)).thenReturn(ResponseEntity.noContent().build());
  }

  @GetMapping("/{id}")
  Mono<ResponseEntity<User>> get(@PathVariable String id) {
    return users.find(id).map(ResponseEntity::ok).defaultIfEmpty(ResponseEntity.notFound().build());
  }

  @DeleteMapping("/{id}")
  Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
    return users.delete(id).map(existed -> existed
        ? ResponseEntity.noContent().<Void>build()
        : ResponseEntity.notFound().<Void>build());
  }

  @GetMapping(produces = MediaType.APPLICATION_NDJSON_VALUE)
  Flux<User> list(@RequestParam(defaultValue = "") String prefix) {
    return users.findByIdPrefix(prefix);
  }

  /**
   * Changes as server-sent events ({@code id} the store's sequence, {@code event} the kind,
   * {@code data} the change). The first event is a comment, {@code watching}, sent once the
   * watch is live: every change made after a client has seen it is delivered.
   */
  @GetMapping(path = "/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<UserChange>> changes() {
    return Flux.defer(() -> {
      Sinks.Empty<Void> live = Sinks.empty();
      Flux<ServerSentEvent<UserChange>> changes = users.changes()
          .doOnSubscribe(s -> live.tryEmitEmpty()) // a watch is live at onSubscribe
          .map(c -> ServerSentEvent.builder(c)
              .id(Long.toString(c.sequence()))
              .event(c.type())
              .build());
      Mono<ServerSentEvent<UserChange>> watching = live.asMono()
          .then(Mono.fromSupplier(() -> ServerSentEvent.<UserChange>builder()
              .comment("watching")
              .build()));
      return Flux.merge(changes, watching);
    });
  }
}
