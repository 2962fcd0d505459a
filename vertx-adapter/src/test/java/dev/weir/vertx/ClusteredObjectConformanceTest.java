package dev.weir.vertx;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The object conformance suite across the shared two-node cluster: every object store is
 * served on one node and used from the other, so every request, chunk and frame is encoded.
 */
@ExtendWith(SharedCluster.class)
class ClusteredObjectConformanceTest extends ServedObjectConformance {

  private static Served served;

  @BeforeAll
  static void serve(SharedCluster.Pair nodes) {
    served = new Served(nodes.storeNode(), nodes.clientNode(), ServiceOptions.defaults(),
        ClientOptions.defaults());
  }

  @Override
  Served served() {
    return served;
  }
}
