package dev.weir.table.store;

import dev.weir.engine.Entry;
import dev.weir.table.Item;

/**
 * One item a query or scan evaluated: the entry it was read from, the item to return ({@code
 * null} when the filter dropped it) and its size, counted toward a page's 1 MB. Its key (the
 * start key form a page resumes after) is decoded only when asked: a page asks for its last.
 */
record Evaluated(ReadTarget target, Entry entry, Item item, int size) {

  Item key() {
    return target.startKeyOf(entry);
  }
}
