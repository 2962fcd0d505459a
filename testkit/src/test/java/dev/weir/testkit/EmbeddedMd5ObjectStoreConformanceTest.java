package dev.weir.testkit;

import dev.weir.reactive.object.EtagAlgorithm;

/** The object conformance suite against the embedded store set for S3-exact (MD5) ETags. */
class EmbeddedMd5ObjectStoreConformanceTest extends EmbeddedObjectStoreConformanceTest {

  @Override
  protected EtagAlgorithm etagAlgorithm() {
    return EtagAlgorithm.MD5;
  }
}
