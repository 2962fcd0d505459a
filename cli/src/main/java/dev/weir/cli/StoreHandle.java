package dev.weir.cli;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;

/**
 * The store a shell runs on, opened in this process or reached over the event bus, and how to
 * let it go. A neutral type, so {@link ShellCommand} names no Vert.x class.
 */
interface StoreHandle {

  ReactiveStore kv();

  /** The object view, or {@code null} when there is none (a store served without objects). */
  ObjectStore objects();

  /** The store's tables; made at the first call, closed with the handle. */
  TableStore tables();

  /** Where the store is, for the banner when it is not in this process; else {@code null}. */
  String remote();

  /** Closes what was opened: the store itself when local, the client when remote. */
  void close();

  static StoreHandle local(WeirStore store) {
    return new StoreHandle() {
      private TableStore tables; // the shell's thread only

      @Override
      public TableStore tables() {
        if (tables == null) {
          tables = Tables.over(store.kv()); // starts a TTL sweep: only when tables are used
        }
        return tables;
      }

      @Override
      public ReactiveStore kv() {
        return store.kv();
      }

      @Override
      public ObjectStore objects() {
        return store.objects();
      }

      @Override
      public String remote() {
        return null;
      }

      @Override
      public void close() {
        if (tables != null) {
          Await.value(tables.close()); // stops the TTL sweep; the store is closed next
        }
        Await.value(store.close());
      }
    };
  }
}
