package dev.weir.vertx;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The PartiQL conformance section against the event-bus client, service and client on one
 * Vert.x.
 */
class LocalTablePartiqlConformanceTest extends ServedPartiqlConformance {

  private static Vertx vertx;
  private static Served served;

  @BeforeAll
  static void startVertx() {
    vertx = Nodes.local();
    served = new Served(vertx);
  }

  @AfterAll
  static void stopVertx() {
    Nodes.await(vertx.close());
  }

  @Override
  Served served() {
    return served;
  }
}
