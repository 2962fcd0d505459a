package dev.weir.testkit;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Table stores over fresh embedded in-memory stores, as the tables sections ask for them, each
 * closed with the store under it. One per test class instance; not thread-safe.
 */
final class EmbeddedTableStores {

  private final Map<TableStore, ReactiveStore> stores = new IdentityHashMap<>();

  TableStore open(TableConformanceFixture.Settings settings) {
    ReactiveStore store = Weir.inMemory(settings.engineConfig());
    TableStore tables = Tables.over(store, settings.tableStoreOptions());
    stores.put(tables, store);
    return tables;
  }

  void close(TableStore tables, Duration guard) {
    tables.close().block(guard);
    stores.remove(tables).close().block(guard);
  }
}
