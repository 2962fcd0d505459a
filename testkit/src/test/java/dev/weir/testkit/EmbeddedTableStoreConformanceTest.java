package dev.weir.testkit;

import dev.weir.table.TableStore;

/** The tables conformance section against tables over the embedded in-memory store. */
class EmbeddedTableStoreConformanceTest extends TableStoreConformance {

  private final EmbeddedTableStores stores = new EmbeddedTableStores();

  @Override
  protected TableStore newTableStore(Settings settings) {
    return stores.open(settings);
  }

  @Override
  protected void closeTableStore(TableStore tables) {
    stores.close(tables, HANG_GUARD);
  }
}
