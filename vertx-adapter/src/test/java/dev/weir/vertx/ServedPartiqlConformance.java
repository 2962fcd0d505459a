package dev.weir.vertx;

import dev.weir.table.TableStore;
import dev.weir.testkit.TablePartiqlConformance;
import org.junit.jupiter.api.AfterEach;

/**
 * The PartiQL conformance section against table stores served by {@link #served()} and used by
 * bus: statements streamed run here over the client's table calls, statements paged run on the
 * serving node ({@code table.execute}), so both paths cross the bus.
 */
abstract class ServedPartiqlConformance extends TablePartiqlConformance {

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
