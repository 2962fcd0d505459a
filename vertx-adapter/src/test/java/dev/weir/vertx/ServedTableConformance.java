package dev.weir.vertx;

import dev.weir.table.TableStore;
import dev.weir.testkit.TableStoreConformance;
import org.junit.jupiter.api.AfterEach;

/**
 * The tables conformance section against table stores served by {@link #served()} and used by
 * bus: the service's tables run on the section's virtual clock, the client is what the tests
 * call.
 */
abstract class ServedTableConformance extends TableStoreConformance {

  /** Where the stores are served and the clients made. */
  abstract Served served();

  @AfterEach
  void closeServedStores() {
    served().closeAll();
  }

  @Override
  protected TableStore newTableStore(Settings settings) {
    return served().createTables(settings);
  }

  @Override
  protected void closeTableStore(TableStore tables) {
    tables.close().block(Nodes.GUARD);
  }
}
