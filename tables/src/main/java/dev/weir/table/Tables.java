package dev.weir.table;

import dev.weir.reactive.ReactiveStore;
import dev.weir.table.store.EmbeddedTableStore;

/**
 * Where tables come from: any {@link ReactiveStore} hosts them ({@code Weir.inMemory()}, a
 * store opened from a DSN, an event-bus client), each table in key spaces of its own beside the
 * store's other keys. Several table stores over one store see each other's tables.
 */
public final class Tables {

  private Tables() {}

  /** Tables over {@code store}, with the default clock and TTL sweep. */
  public static TableStore over(ReactiveStore store) {
    return over(store, TableStoreOptions.defaults());
  }

  public static TableStore over(ReactiveStore store, TableStoreOptions options) {
    return new EmbeddedTableStore(store, options);
  }
}
