package dev.weir.examples.webflux;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * {@code GET /users/changes} over loopback HTTP: once the stream has said {@code watching},
 * every change is delivered, in commit order, as a server-sent event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class UserChangesTest {

  @Value("${local.server.port}")
  int port;

  @Test
  void changesMadeAfterWatchingArriveAsServerSentEvents() {
    WebClient client = WebClient.create("http://127.0.0.1:" + port);
    Flux<ServerSentEvent<String>> events = client.get().uri("/users/changes")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        // only this test's users: other tests of the same application may write meanwhile
        .filter(e -> e.comment() != null || (e.data() != null && e.data().contains("sse-")));

    StepVerifier.create(events)
        .expectNextMatches(e -> "watching".equals(e.comment()))
        // written once the watch is live; on the client's event loop, so without blocking
        .then(() -> client.put().uri("/users/sse-ada")
            .bodyValue(new User("sse-ada", "Ada", "ada@example.com"))
            .retrieve().toBodilessEntity()
            .then(client.delete().uri("/users/sse-ada").retrieve().toBodilessEntity())
            .subscribe())
        .expectNextMatches(e -> "put".equals(e.event())
            && e.data().contains("\"id\":\"sse-ada\"") && e.data().contains("\"name\":\"Ada\"")
            && e.id() != null)
        .expectNextMatches(e -> "delete".equals(e.event())
            && e.data().contains("\"id\":\"sse-ada\""))
        .thenCancel()
        .verify(Duration.ofSeconds(30));
  }
}
