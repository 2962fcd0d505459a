package dev.weir.examples.vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vert.x application in two verticles: {@link StoreVerticle} serves a Weir store on the event
 * bus, {@link ApiVerticle} serves HTTP and uses the store through the event-bus client.
 *
 * <p>Run it with {@code ./mvnw -B -pl examples/vertx-app -am verify -DskipTests -Drun} (port
 * 8080, or {@code -Dport=N}; an in-memory store, or {@code -Ddsn=file:///some/dir} to keep the
 * notes on disk).
 */
public final class VertxApp {

  /** The name the store is served under on the event bus. */
  public static final String STORE = "notes";

  private static final Logger LOG = LoggerFactory.getLogger(VertxApp.class);

  private VertxApp() {}

  /**
   * Deploys the store's verticle, then the HTTP one on {@code host:port} (0: a free port).
   * Completes with the port it listens on.
   */
  public static Future<Integer> deploy(Vertx vertx, String dsn, String host, int port) {
    ApiVerticle api = new ApiVerticle(STORE, host, port);
    return vertx.deployVerticle(new StoreVerticle(dsn, STORE))
        .compose(id -> vertx.deployVerticle(api))
        .map(id -> api.port());
  }

  public static void main(String[] args) {
    int port = Integer.getInteger("port", 8080);
    String dsn = System.getProperty("dsn", "mem://" + STORE);
    Vertx vertx = Vertx.vertx();
    // Ctrl-C undeploys both verticles: the store is closed after its in-flight writes
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
    deploy(vertx, dsn, "127.0.0.1", port)
        .onSuccess(p -> LOG.info("notes on http://127.0.0.1:{}{} (store {})", p,
            ApiVerticle.PATH, dsn))
        .onFailure(e -> {
          LOG.error("cannot start", e);
          vertx.close();
        });
  }
}
