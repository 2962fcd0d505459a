package dev.weir.examples.webflux;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The users API, driven over loopback HTTP against the running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class UsersApiTest {

  @Value("${local.server.port}")
  int port;

  WebTestClient client;

  @BeforeEach
  void connect() {
    client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
  }

  @Test
  void aUserStoredIsReadBack() {
    put(new User("api-ada", "Ada Lovelace", "ada@example.com"));
    client.get().uri("/users/api-ada").exchange()
        .expectStatus().isOk()
        .expectBody(User.class).isEqualTo(new User("api-ada", "Ada Lovelace", "ada@example.com"));
  }

  @Test
  void thePathNamesTheUser() {
    client.put().uri("/users/api-path").bodyValue(new User("other", "Path", "p@example.com"))
        .exchange().expectStatus().isNoContent();
    client.get().uri("/users/api-path").exchange()
        .expectBody(User.class).isEqualTo(new User("api-path", "Path", "p@example.com"));
  }

  @Test
  void anUnknownUserIsNotFound() {
    client.get().uri("/users/api-nobody").exchange().expectStatus().isNotFound();
    client.delete().uri("/users/api-nobody").exchange().expectStatus().isNotFound();
  }

  @Test
  void aDeletedUserIsGone() {
    put(new User("api-gone", "Gone", "gone@example.com"));
    client.delete().uri("/users/api-gone").exchange().expectStatus().isNoContent();
    client.get().uri("/users/api-gone").exchange().expectStatus().isNotFound();
  }

  @Test
  void theListingIsNdjsonOfThePrefixInIdOrder() {
    put(new User("api-list-2", "Grace", "grace@example.com"));
    put(new User("api-list-1", "Barbara", "barbara@example.com"));
    put(new User("api-lisp", "outside the prefix", "x@example.com"));
    List<User> listed = client.get().uri("/users?prefix=api-list-")
        .accept(MediaType.APPLICATION_NDJSON).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
        .returnResult(User.class).getResponseBody().collectList().block();
    org.junit.jupiter.api.Assertions.assertEquals(List.of(
        new User("api-list-1", "Barbara", "barbara@example.com"),
        new User("api-list-2", "Grace", "grace@example.com")), listed);
  }

  private void put(User user) {
    client.put().uri("/users/{id}", user.id()).bodyValue(user).exchange()
        .expectStatus().isNoContent();
  }
}
