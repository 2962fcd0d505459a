package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.table.Item;

/**
 * One item write ready to run: its table, its engine key and key attributes, and its change.
 * {@code checked} is the item a put writes, already checked against the table when planned
 * (null for other writes): a change that returns it needs no second check. Immutable.
 */
record PlannedWrite(TableFormat table, Bytes itemKey, Item key, ItemChange change, Item checked) {

  PlannedWrite(TableFormat table, Bytes itemKey, Item key, ItemChange change) {
    this(table, itemKey, key, change, null);
  }
}
