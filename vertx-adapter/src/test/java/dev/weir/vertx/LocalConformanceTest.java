package dev.weir.vertx;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.testkit.ReactiveStoreConformance;
import dev.weir.testkit.StoreLimits;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite against the event-bus client, store and client on one Vert.x. The
 * small limits keep the bad-input cases cheap, as in the embedded store's own run.
 */
class LocalConformanceTest extends ReactiveStoreConformance {

  static final EngineConfig SMALL_LIMITS =
      EngineConfig.builder().maxKeySize(64).maxValueSize(4096).maxBatchOps(64).build();

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

  @AfterEach
  void closeServedStores() {
    served.closeAll();
  }

  @Override
  protected ReactiveStore createStore() {
    return served.create(SMALL_LIMITS);
  }

  @Override
  protected ReactiveStore createStore(EngineConfig config) {
    return served.create(config);
  }

  @Override
  protected StoreLimits limits() {
    return StoreLimits.of(SMALL_LIMITS);
  }
}
