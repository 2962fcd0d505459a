package dev.weir.testkit;

import dev.weir.reactive.object.EtagAlgorithm;

/** The object conformance suite against the embedded store set for MetroHash128 ETags. */
class EmbeddedMetroObjectStoreConformanceTest extends EmbeddedObjectStoreConformanceTest {

  @Override
  protected EtagAlgorithm etagAlgorithm() {
    return EtagAlgorithm.METRO_128;
  }
}
