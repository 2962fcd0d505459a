package dev.weir.testkit;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.EtagAlgorithm;
import dev.weir.reactive.object.ObjectConfig;
import dev.weir.reactive.object.ObjectStore;
import java.util.IdentityHashMap;
import java.util.Map;

/** The object conformance suite against the embedded store, with its default ETags. */
class EmbeddedObjectStoreConformanceTest extends ObjectStoreConformance {

  private final Map<ObjectStore, ReactiveStore> kv = new IdentityHashMap<>();

  @Override
  protected ObjectStore newObjectStore(Settings settings) {
    ReactiveStore store = Weir.inMemory(EngineConfig.builder()
        .clock(settings.clock())
        .maxMemoryBytes(settings.maxMemoryBytes())
        // A small budget needs memtables below it.
        .memtableBytes(Math.min(8L << 20, Math.max(64 * 1024, settings.maxMemoryBytes() / 4)))
        .build());
    ObjectStore objects = ObjectStore.over(store, ObjectConfig.defaults()
        .withClock(settings.clock())
        .withChunkSize(settings.chunkSize())
        .withUploadExpiry(settings.uploadExpiry())
        .withEtagAlgorithm(etagAlgorithm()));
    kv.put(objects, store);
    return objects;
  }

  /** The ETag of a simple put in the stores under test. */
  protected EtagAlgorithm etagAlgorithm() {
    return ObjectConfig.DEFAULT_ETAG;
  }

  @Override
  protected void closeObjectStore(ObjectStore store) {
    kv.remove(store).close().block();
  }
}
