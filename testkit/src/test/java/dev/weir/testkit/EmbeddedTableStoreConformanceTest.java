package dev.weir.testkit;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.table.TableStore;
import dev.weir.table.TableStoreOptions;
import dev.weir.table.Tables;
import java.util.IdentityHashMap;
import java.util.Map;

/** The tables conformance section against tables over the embedded in-memory store. */
class EmbeddedTableStoreConformanceTest extends TableStoreConformance {

  private final Map<TableStore, ReactiveStore> stores = new IdentityHashMap<>();

  @Override
  protected TableStore newTableStore(Settings settings) {
    EngineConfig.Builder config = EngineConfig.builder();
    if (settings.changeLogCapacity() > 0) {
      config.changeLogCapacity(settings.changeLogCapacity())
          .maxBatchOps(Math.min(EngineConfig.DEFAULT_MAX_BATCH_OPS,
              settings.changeLogCapacity()));
    }
    ReactiveStore store = Weir.inMemory(config.build());
    TableStore tables = Tables.over(store,
        new TableStoreOptions(settings.clock(), settings.sweepInterval()));
    stores.put(tables, store);
    return tables;
  }

  @Override
  protected void closeTableStore(TableStore tables) {
    tables.close().block(HANG_GUARD);
    stores.remove(tables).close().block(HANG_GUARD);
  }
}
