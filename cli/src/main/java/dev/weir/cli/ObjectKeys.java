package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The object layer keeps buckets, metadata and chunks as ordinary keys under the reserved
 * prefix {@code 00 6f} of the same store (reactive-api/OBJECTS.md). The key-value commands
 * neither show nor write them: {@code count} should count the user's keys, not an upload's
 * chunks, and a {@code put} or {@code delprefix} there would corrupt the object store.
 */
final class ObjectKeys {

  static final Bytes RESERVED = Bytes.wrap(new byte[] {0, 'o'});
  private static final Bytes RESERVED_END = Bytes.wrap(new byte[] {0, 'o' + 1});

  private ObjectKeys() {}

  static boolean reserved(Bytes key) {
    return key.startsWith(RESERVED);
  }

  /** {@code key}, unless a write there would touch the object store. */
  static Bytes writable(Bytes key) {
    if (reserved(key)) {
      throw new ShellException(
          "keys under 0x006f belong to the object store: use the object commands");
    }
    return key;
  }

  /** {@code prefix}, unless deleting it would delete object keys too. */
  static Bytes deletablePrefix(Bytes prefix) {
    if (reserved(prefix) || RESERVED.startsWith(prefix)) {
      throw new ShellException("delprefix " + Display.word(prefix)
          + " would delete the object store's keys (under 0x006f): use a longer prefix, or"
          + " rm -r for objects");
    }
    return prefix;
  }

  /**
   * The entries of {@code range} outside the reserved range. The range is cut into the pieces
   * around it, so no chunk is read only to be dropped; the limit applies to what is left. A
   * range the store would refuse (inverted, limit below 1) is passed on for it to refuse.
   */
  static Flux<Entry> scan(Reads reads, KeyRange range) {
    Bytes from = range.fromKey();
    Bytes to = range.toKey();
    boolean valid = range.limit() >= 1 && (from == null || to == null || from.compareTo(to) <= 0);
    boolean overlaps = (from == null || from.compareTo(RESERVED_END) < 0)
        && (to == null || to.compareTo(RESERVED) > 0);
    if (!valid || !overlaps) {
      return reads.scan(range);
    }
    List<KeyRange> pieces = new ArrayList<>(2);
    if (from == null || from.compareTo(RESERVED) < 0) {
      pieces.add(KeyRange.of(from, RESERVED));
    }
    if (to == null || to.compareTo(RESERVED_END) > 0) {
      pieces.add(KeyRange.of(RESERVED_END, to));
    }
    if (range.isReverse()) {
      Collections.reverse(pieces);
    }
    Flux<Entry> entries = Flux.fromIterable(pieces)
        .concatMap(p -> reads.scan(p.reverse(range.isReverse()).limit(range.limit())));
    return range.limit() == KeyRange.NO_LIMIT ? entries : entries.take(range.limit());
  }

  /** Whether {@code event} changes a key under {@code prefix} and outside the reserved range. */
  static boolean matches(Bytes prefix, ChangeEvent event) {
    if (reserved(event.key())) {
      return false;
    }
    if (event.type() != ChangeEvent.Type.RANGE_DELETE) {
      return event.key().startsWith(prefix);
    }
    Bytes prefixEnd = KeyRange.prefix(prefix).toKey();
    return (prefixEnd == null || event.key().compareTo(prefixEnd) < 0)
        && (event.rangeEnd() == null || event.rangeEnd().compareTo(prefix) > 0);
  }
}
