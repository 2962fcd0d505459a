package dev.weir.testkit;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import java.util.IdentityHashMap;
import java.util.Map;

/** The PartiQL conformance section against tables over the embedded in-memory store. */
class EmbeddedTablePartiqlConformanceTest extends TablePartiqlConformance {

  private final Map<TableStore, ReactiveStore> stores = new IdentityHashMap<>();

  @Override
  protected TableStore newTableStore(Settings settings) {
    ReactiveStore store = Weir.inMemory(settings.engineConfig());
    TableStore tables = Tables.over(store, settings.tableStoreOptions());
    stores.put(tables, store);
    return tables;
  }

  @Override
  protected void closeTableStore(TableStore tables) {
    tables.close().block(HANG_GUARD);
    stores.remove(tables).close().block(HANG_GUARD);
  }
}
