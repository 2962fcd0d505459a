package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.table.Item;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.SecondaryIndex;
import dev.weir.table.expression.Placeholders;
import dev.weir.table.expression.ProjectionExpression;

/**
 * What a query or scan reads: a table's items or one of its indexes, with how to decode an
 * entry of it, when the entry expires and how a start key becomes an engine key. Immutable.
 */
final class ReadTarget {

  private final TableFormat table;
  private final int ordinal; // -1: the table itself
  private final SecondaryIndex index;

  private ReadTarget(TableFormat table, int ordinal) {
    this.table = table;
    this.ordinal = ordinal;
    this.index = ordinal < 0 ? null : table.schema().indexes().get(ordinal);
  }

  /** The table, or its index called {@code indexName} (a TableNotFoundException if none). */
  static ReadTarget of(TableFormat table, String indexName) {
    if (indexName == null) {
      return new ReadTarget(table, -1);
    }
    SecondaryIndex index = table.schema().index(indexName);
    return new ReadTarget(table, table.schema().indexes().indexOf(index));
  }

  KeySchema key() {
    return index == null ? table.schema().key() : index.key();
  }

  Bytes base() {
    return index == null ? table.keys().items() : table.keys().index(ordinal);
  }

  /** The item an entry holds (projected, for an index). */
  Item decode(Entry entry) {
    return index == null
        ? table.decodeItem(table.decodeItemKey(entry.key()), entry.value())
        : table.decodeIndexEntry(ordinal, entry.key(), entry.value());
  }

  /**
   * Whether a read of this target must fetch items from the table: a local index that does
   * not project every attribute {@code projection} names.
   */
  boolean fetchesFromTable(ProjectionExpression projection, Placeholders placeholders) {
    if (index == null || !index.isLocal() || projection == null
        || index.projection().type() == Projection.Type.ALL) {
      return false;
    }
    for (String name : projection.topLevelNames(placeholders)) {
      if (!index.projection().projects(name) && !index.key().isKeyAttribute(name)
          && !table.schema().key().isKeyAttribute(name)) {
        return true;
      }
    }
    return false;
  }

  /** The table key of the item an index entry points at. */
  Bytes tableKeyOf(Entry entry) {
    return table.itemKey(table.decodeIndexKey(ordinal, entry.key()));
  }

  /** The whole item an index entry points at, from its stored value in the table. */
  Item withTableItem(Entry entry, Bytes tableValue) {
    Item key = table.decodeIndexKey(ordinal, entry.key());
    return table.decodeItem(table.keyOf(key), tableValue);
  }

  long expiry(Entry entry, Item decoded) {
    return index == null ? table.expiry(decoded) : TableFormat.indexEntryExpiry(entry.value());
  }

  /** The key attributes a page resumes after: the table's, and the index's for an index. */
  Item startKeyOf(Entry entry) {
    return index == null
        ? table.decodeItemKey(entry.key())
        : table.decodeIndexKey(ordinal, entry.key());
  }

  /** The engine key of a start key given back by a caller. */
  Bytes engineKeyOf(Item startKey) {
    if (index == null) {
      return table.keyOnly(startKey);
    }
    Bytes key = table.indexKey(ordinal, startKey);
    if (key == null) {
      throw new dev.weir.table.ItemValidationException("the start key of a read of index "
          + index.name() + " needs the index's key attributes " + index.key()
          + " and the table's " + table.schema().key());
    }
    table.itemKey(startKey); // checks the table's key attributes are there too
    return key;
  }
}
