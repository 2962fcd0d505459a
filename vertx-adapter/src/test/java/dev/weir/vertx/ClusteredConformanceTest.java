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
 * The conformance suite across a Hazelcast cluster of two Vert.x nodes in this JVM: every store
 * is served on one node and used from the other, so every message is encoded by the codecs and
 * travels over loopback TCP. One cluster for the whole class (a node takes seconds to start).
 */
class ClusteredConformanceTest extends ReactiveStoreConformance {

  private static Nodes.Cluster cluster;
  private static Vertx storeNode;
  private static Vertx clientNode;
  private static Served served;

  @BeforeAll
  static void startCluster() {
    cluster = new Nodes.Cluster();
    storeNode = cluster.start();
    clientNode = cluster.start();
    served = new Served(storeNode, clientNode, ServiceOptions.defaults(),
        ClientOptions.defaults());
  }

  @AfterAll
  static void stopCluster() {
    cluster.stopAll();
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
