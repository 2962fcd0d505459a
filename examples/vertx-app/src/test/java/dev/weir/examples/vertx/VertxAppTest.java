package dev.weir.examples.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application as a user runs it: both verticles deployed, HTTP on a loopback port, driven
 * by the JDK's HTTP client. BlockHound watches every event loop meanwhile.
 */
class VertxAppTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Vertx vertx;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    int port = await(VertxApp.deploy(vertx, "mem://notes", "127.0.0.1", 0));
    base = "http://127.0.0.1:" + port + ApiVerticle.PATH;
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void aNoteStoredIsReadBack() throws Exception {
    assertEquals(204, send("PUT", "/greeting", "hello, weir").statusCode());
    HttpResponse<String> got = send("GET", "/greeting", null);
    assertEquals(200, got.statusCode());
    assertEquals("hello, weir", got.body());
  }

  @Test
  void anUnknownNoteIsNotFound() throws Exception {
    assertEquals(404, send("GET", "/never-stored", null).statusCode());
    assertEquals(404, send("DELETE", "/never-stored", null).statusCode());
  }

  @Test
  void aDeletedNoteIsGone() throws Exception {
    send("PUT", "/doomed", "soon gone");
    assertEquals(204, send("DELETE", "/doomed", null).statusCode());
    assertEquals(404, send("GET", "/doomed", null).statusCode());
  }

  @Test
  void anIdIsDecodedFromThePath() throws Exception {
    send("PUT", "/with%20space", "spaced");
    assertEquals("spaced", send("GET", "/with%20space", null).body());
    assertEquals(List.of("{\"id\":\"with space\",\"text\":\"spaced\"}"),
        list("with ").body().lines().collect(Collectors.toList()));
  }

  @Test
  void aListingStreamsEveryNoteOfThePrefixInIdOrder() throws Exception {
    // more notes than one write of lines and than the bus client's credit window
    int count = 1_000;
    for (int from = 0; from < count; from += 50) { // 50 requests in flight at a time
      List<CompletableFuture<HttpResponse<String>>> puts = IntStream.range(from, from + 50)
          .mapToObj(i -> HTTP.sendAsync(
              request("PUT", String.format("/list-%04d", i), "note " + i),
              HttpResponse.BodyHandlers.ofString()))
          .collect(Collectors.toList());
      for (CompletableFuture<HttpResponse<String>> put : puts) {
        assertEquals(204, put.get(30, TimeUnit.SECONDS).statusCode());
      }
    }
    send("PUT", "/lisp", "outside the prefix");

    HttpResponse<String> listing = list("list-");
    assertEquals(200, listing.statusCode());
    assertEquals("application/x-ndjson",
        listing.headers().firstValue("content-type").orElse(""));
    List<String> expected = IntStream.range(0, count)
        .mapToObj(i -> new JsonObject().put("id", String.format("list-%04d", i))
            .put("text", "note " + i).encode())
        .collect(Collectors.toList());
    assertEquals(expected, listing.body().lines().collect(Collectors.toList()));
  }

  @Test
  void anEmptyListingIsAnEmptyBody() throws Exception {
    HttpResponse<String> listing = list("nothing-here-");
    assertEquals(200, listing.statusCode());
    assertEquals("", listing.body());
  }

  @Test
  void anUnsupportedMethodIsRefused() throws Exception {
    assertEquals(405, send("POST", "/greeting", "x").statusCode());
    assertEquals(404, send("GET", "/", null).statusCode()); // /notes/ names no note
  }

  private static HttpResponse<String> list(String prefix) throws Exception {
    URI uri = URI.create(base + "?prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
