package dev.weir.vertx;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tables conformance section across the shared two-node cluster: every table store is
 * served on one node and used from the other, so every request, item, page, failure and frame
 * is encoded.
 */
@ExtendWith(SharedCluster.class)
class ClusteredTableConformanceTest extends ServedTableConformance {

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
