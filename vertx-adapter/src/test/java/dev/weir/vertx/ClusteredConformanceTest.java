package dev.weir.vertx;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.testkit.ReactiveStoreConformance;
import dev.weir.testkit.StoreLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite across a Hazelcast cluster of two Vert.x nodes in this JVM: every store
 * is served on one node and used from the other, so every message is encoded by the codecs and
 * travels over loopback TCP. The cluster is the one the clustered classes share (a node takes
 * seconds to start).
 */
@ExtendWith(SharedCluster.class)
class ClusteredConformanceTest extends ReactiveStoreConformance {

  private static Served served;

  @BeforeAll
  static void serve(SharedCluster.Pair nodes) {
    served = new Served(nodes.storeNode(), nodes.clientNode(), ServiceOptions.defaults(),
        ClientOptions.defaults());
  }

  @AfterEach
  void closeServedStores() {
    served.closeAll();
  }

  @Override
  protected ReactiveStore createStore() {
    return served.create(LocalConformanceTest.SMALL_LIMITS);
  }

  @Override
  protected ReactiveStore createStore(EngineConfig config) {
    return served.create(config);
  }

  @Override
  protected StoreLimits limits() {
    return StoreLimits.of(LocalConformanceTest.SMALL_LIMITS);
  }
}
