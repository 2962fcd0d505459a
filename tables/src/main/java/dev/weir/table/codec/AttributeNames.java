package dev.weir.table.codec;

import java.util.Arrays;

/**
 * The attribute names decoding has met lately, by their UTF-8 bytes: every item of a table
 * repeats the same few names, so a name read again is the String made the first time, not a
 * new one decoded, checked and hashed again (a cached String keeps its hash, which the item's
 * map asks for at once).
 *
 * <p>A small direct-mapped table shared by every decoding thread. A slot holds an immutable
 * {@link Name} or null and is read and replaced without locks: a racing reader sees the old or
 * the new entry, both right for their bytes, or misses and decodes. Only names already proven
 * well-formed are remembered, and a hit needs the same bytes, so hostile input can only evict.
 */
final class AttributeNames {
  private static final int SLOTS = 256; // a power of two
  /** Longer names are decoded each time: rare, and not worth the comparison. */
  private static final int MAX_CACHED_BYTES = 64;

  private record Name(byte[] utf8, String text) {}

  private static final Name[] SLOT = new Name[SLOTS];

  private AttributeNames() {}

  /** The name cached for bytes {@code [from, from + length)} of {@code in}, or null. */
  static String lookup(byte[] in, int from, int length) {
    if (length > MAX_CACHED_BYTES) {
      return null;
    }
    Name n = SLOT[slot(in, from, length)];
    return n != null && Arrays.equals(n.utf8, 0, n.utf8.length, in, from, from + length)
        ? n.text
        : null;
  }

  /** Remembers {@code text}, the well-formed decoding of those bytes. */
  static void remember(byte[] in, int from, int length, String text) {
    if (length <= MAX_CACHED_BYTES) {
      SLOT[slot(in, from, length)] = new Name(Arrays.copyOfRange(in, from, from + length), text);
    }
  }

  private static int slot(byte[] in, int from, int length) {
    int h = length;
    for (int i = from, end = from + length; i < end; i++) {
      h = 31 * h + in[i];
    }
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
