package dev.weir.testkit;

import dev.weir.table.TableStore;

/** The PartiQL conformance section against tables over the embedded in-memory store. */
class EmbeddedTablePartiqlConformanceTest extends TablePartiqlConformance {

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
