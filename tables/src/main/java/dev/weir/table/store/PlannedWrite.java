package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.table.Item;

/**
 * One item write ready to run: its table, its engine key and key attributes, and its change.
 * Immutable.
 */
record PlannedWrite(TableFormat table, Bytes itemKey, Item key, ItemChange change) {}
