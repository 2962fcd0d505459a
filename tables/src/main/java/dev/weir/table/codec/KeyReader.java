package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.ItemValidationException;

/** Reads key values from an offset of one key, refusing its end or a malformed form. */
final class KeyReader {
  private final Bytes key;
  private int position;

  KeyReader(Bytes key, int position) {
    this.key = key;
    this.position = position;
  }

  int position() {
    return position;
  }

  int next() {
    if (position >= key.length()) {
      throw fail("the key's end");
    }
    return key.byteAt(position++) & 0xFF;
  }

  ItemValidationException fail(String found) {
    return new ItemValidationException(
        "not a valid encoded key: " + found + " at byte " + position);
  }
}
