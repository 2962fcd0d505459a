package dev.weir.table.store;

import dev.weir.table.TableSchema;

/**
 * A table's catalog entry: its schema, the id its keys are stored under (a new id each time a
 * name is created, so a table deleted and created again never sees the old one's keys), and when
 * it was created. Immutable.
 */
record TableRecord(TableSchema schema, int id, long createdAtEpochMillis) {}
