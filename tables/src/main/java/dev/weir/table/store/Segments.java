package dev.weir.table.store;

import dev.weir.engine.Bytes;

/**
 * Which segment of a parallel scan an entry belongs to: a fixed hash (FNV-1a) of its key after
 * the table's or index's prefix, so segments are disjoint, cover everything, stay the same from
 * page to page and process to process, and are balanced whatever the keys look like.
 */
final class Segments {

  private Segments() {}

  static int of(Bytes key, int from, int segments) {
    int hash = 0x811C9DC5;
    for (int i = from; i < key.length(); i++) {
      hash ^= key.byteAt(i) & 0xFF;
      hash *= 0x01000193;
    }
    return Math.floorMod(hash, segments);
  }
}
