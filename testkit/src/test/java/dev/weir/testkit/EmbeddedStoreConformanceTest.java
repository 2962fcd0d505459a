package dev.weir.testkit;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite against the embedded store. Small limits keep the bad-input cases
 * cheap (a value one past the limit is a few KiB, not 64 MiB); the nested run repeats
 * everything with a memtable of 1 KiB so flushes and compactions happen under the tests.
 */
class EmbeddedStoreConformanceTest extends ReactiveStoreConformance {

  static final EngineConfig SMALL_LIMITS =
      EngineConfig.builder().maxKeySize(64).maxValueSize(4096).maxBatchOps(64).build();

  @Override
  protected ReactiveStore createStore() {
    return Weir.inMemory(SMALL_LIMITS);
  }

  @Override
  protected ReactiveStore createStore(EngineConfig config) {
    return Weir.inMemory(config);
  }

  @Override
  protected StoreLimits limits() {
    return StoreLimits.of(SMALL_LIMITS);
  }

  @Nested
  class TinyMemtable extends ReactiveStoreConformance {

    private final EngineConfig tiny =
        SMALL_LIMITS.toBuilder()
            .name("tiny")
            .memtableBytes(EngineConfig.MIN_MEMTABLE_BYTES)
            .level0RunsTrigger(2)
            .maxLevel0Runs(4)
            .level1Bytes(EngineConfig.MIN_MEMTABLE_BYTES)
            .levelSizeMultiplier(2)
            .build();

    @Override
    protected ReactiveStore createStore() {
      return Weir.inMemory(tiny);
    }

    @Override
    protected ReactiveStore createStore(EngineConfig config) {
      return Weir.inMemory(config.toBuilder().memtableBytes(EngineConfig.MIN_MEMTABLE_BYTES)
          .build());
    }

    @Override
    protected StoreLimits limits() {
      return StoreLimits.of(tiny);
    }
  }
}
