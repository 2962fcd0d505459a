package dev.weir.vertx;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PartiQL conformance section across the shared two-node cluster: every table store is
 * served on one node and used from the other, so every statement, page, token and error is
 * encoded.
 */
@ExtendWith(SharedCluster.class)
class ClusteredTablePartiqlConformanceTest extends ServedPartiqlConformance {

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
