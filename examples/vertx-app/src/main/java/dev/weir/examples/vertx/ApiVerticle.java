package dev.weir.examples.vertx;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.StoreFullException;
import dev.weir.engine.WeirException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.vertx.EventBusStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Notes over HTTP, kept in the store that {@link StoreVerticle} serves, reached through
 * {@link EventBusStore}: the event-bus client that implements the same {@link ReactiveStore}
 * interface as the embedded store, so this code would not change if the store lived on another
 * node of a clustered Vert.x.
 *
 * <pre>
 *   PUT    /notes/{id}          the body is the note's text     204
 *   GET    /notes/{id}          the text                        200, or 404
 *   DELETE /notes/{id}                                          204, or 404
 *   GET    /notes?prefix=p      the notes whose id starts with p, as NDJSON, in id order
 * </pre>
 *
 * <p>Every handler runs on this verticle's event loop and never blocks: the client delivers
 * the store's answers back on the same event loop. A listing streams: the scan crosses the bus
 * under the client's credit window, and takes its next lines only once the previous write has
 * reached the connection, so a slow reader slows the scan instead of filling memory.
 */
public final class ApiVerticle extends VerticleBase {

  static final String PATH = "/notes";
  /** Notes sit under this key prefix, so the store can hold other things beside them. */
  private static final String KEY_PREFIX = "note:";
  private static final int LINES_PER_WRITE = 128;

  private final String storeName;
  private final String host;
  private final int port;
  // set on this verticle's event loop by start()
  private ReactiveStore notes;
  private HttpServer server;

  /** HTTP on {@code host:port} (0: any free port) for the store served as {@code storeName}. */
  public ApiVerticle(String storeName, String host, int port) {
    this.storeName = storeName;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    notes = EventBusStore.create(vertx, storeName);
    return vertx.createHttpServer()
        .requestHandler(this::handle)
        .listen(port, host)
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    // closes the client only: the store is StoreVerticle's
    return closed.compose(v -> Future.fromCompletionStage(notes.close().toFuture(), context));
  }

  /** The port it listens on, once started. */
  public int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest req) {
    String path;
    try {
      path = URI.create(req.uri()).getPath(); // decoded: /notes/a%20b names the note "a b"
    } catch (IllegalArgumentException e) {
      respond(req, 400, "malformed URI");
      return;
    }
    if (path.equals(PATH) && req.method() == HttpMethod.GET) {
      String prefix = req.getParam("prefix");
      list(req, prefix == null ? "" : prefix);
    } else if (path.startsWith(PATH + "/") && path.length() > PATH.length() + 1) {
      Bytes key = Bytes.utf8(KEY_PREFIX + path.substring(PATH.length() + 1));
      HttpMethod method = req.method();
      if (method == HttpMethod.GET) {
        get(req, key);
      } else if (method == HttpMethod.PUT) {
        put(req, key);
      } else if (method == HttpMethod.DELETE) {
        delete(req, key);
      } else {
        respond(req, 405, "GET, PUT or DELETE");
      }
    } else {
      respond(req, 404, "no such resource");
    }
  }

  private void get(HttpServerRequest req, Bytes key) {
    notes.get(key)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .subscribe(
            text -> text.ifPresentOrElse(
                t -> req.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end(Buffer.buffer(t.toByteArray())),
                () -> respond(req, 404, "no such note")),
            e -> fail(req, e));
  }

  private void put(HttpServerRequest req, Bytes key) {
    req.body()
        .onSuccess(body -> notes.put(key, Bytes.wrap(body.getBytes()))
            .subscribe(null, e -> fail(req, e), () -> req.response().setStatusCode(204).end()))
        .onFailure(e -> fail(req, e));
  }

  private void delete(HttpServerRequest req, Bytes key) {
    notes.delete(key).subscribe(
        existed -> {
          if (existed) {
            req.response().setStatusCode(204).end();
          } else {
            respond(req, 404, "no such note");
          }
        },
        e -> fail(req, e));
  }

  private void list(HttpServerRequest req, String prefix) {
    HttpServerResponse res = req.response()
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson");
    Disposable scan = notes.scan(Bytes.utf8(KEY_PREFIX + prefix))
        .map(ApiVerticle::line)
        .buffer(LINES_PER_WRITE)
        // one write at a time: the scan is asked for more once this one reached the connection
        .concatMap(lines -> Mono.fromCompletionStage(res.write(join(lines)).toCompletionStage()),
            1)
        .subscribe(null,
            e -> {
              if (res.headWritten()) {
                res.reset(); // part of the listing went out: the client must not take it as whole
              } else {
                fail(req, e);
              }
            },
            res::end);
    res.closeHandler(v -> scan.dispose()); // the client went away: stop scanning
  }

  private static String line(Entry e) {
    String id = e.key().asUtf8().substring(KEY_PREFIX.length());
    return new JsonObject().put("id", id).put("text", e.value().asUtf8()).encode() + "\n";
  }

  private static Buffer join(List<String> lines) {
    Buffer chunk = Buffer.buffer();
    lines.forEach(chunk::appendString);
    return chunk;
  }

  /** A store error as its HTTP status: the caller's mistake, a full store, or the server's. */
  private static void fail(HttpServerRequest req, Throwable e) {
    int status;
    if (e instanceof InvalidArgumentException) {
      status = 400;
    } else if (e instanceof StoreFullException) {
      status = 507;
    } else if (e instanceof WeirException w && w.retryable()) {
      status = 503;
    } else {
      status = 500;
    }
    respond(req, status, String.valueOf(e.getMessage()));
  }

  private static void respond(HttpServerRequest req, int status, String message) {
    req.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(message + "\n");
  }
}
