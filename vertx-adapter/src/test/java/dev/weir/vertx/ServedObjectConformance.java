package dev.weir.vertx;

import dev.weir.reactive.object.ObjectStore;
import dev.weir.testkit.ObjectStoreConformance;
import org.junit.jupiter.api.AfterEach;

/** The object conformance suite against stores served by {@link #served()}, used by bus. */
abstract class ServedObjectConformance extends ObjectStoreConformance {

  /** Where the stores are served and the clients made. */
  abstract Served served();

  @AfterEach
  void closeServedStores() {
    served().closeAll();
  }

  @Override
  protected ObjectStore newObjectStore(Settings settings) {
    return served().createObjects(settings);
  }

  @Override
  protected void closeObjectStore(ObjectStore store) {
    ((EventBusObjectStore) store).close().block(Nodes.GUARD);
  }
}
