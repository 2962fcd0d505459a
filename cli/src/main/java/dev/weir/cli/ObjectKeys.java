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
 * Weir's own layers keep their data as ordinary keys of the same store, each under a reserved
 * prefix: the object layer's buckets, metadata and chunks under {@code 00 6f}
 * (reactive-api/OBJECTS.md), the tables' catalog under {@code 00 74} and their items, index
 * entries and TTL schedules under {@code 00 54} (tables/README.md). The key-value commands
 * neither show nor write them: {@code count} should count the user's keys, not an upload's
 * chunks or a table's index entries, and a {@code put} or {@code delprefix} there would corrupt
 * the object store or a table.
 */
final class ObjectKeys {

  /** Each reserved prefix, in key order, with whose keys they are. */
  private record Space(Bytes prefix, Bytes end, String owner, String use) {
    static Space of(char tag, String owner, String use) {
      return new Space(Bytes.wrap(new byte[] {0, (byte) tag}),
          Bytes.wrap(new byte[] {0, (byte) (tag + 1)}), owner, use);
    }

    String hex() {
      return String.format("0x00%02x", prefix.byteAt(1));
    }
  }

  private static final List<Space> SPACES = List.of(
      Space.of('T', "the tables", "table commands or PartiQL"),
      Space.of('o', "the object store", "the object commands"),
      Space.of('t', "the tables", "table commands or PartiQL"));

  private ObjectKeys() {}

  static boolean reserved(Bytes key) {
    return spaceOf(key) != null;
  }

  private static Space spaceOf(Bytes key) {
    for (Space s : SPACES) {
      if (key.startsWith(s.prefix())) {
        return s;
      }
    }
    return null;
  }

  /** {@code key}, unless a write there would touch the object store or a table. */
  static Bytes writable(Bytes key) {
    Space s = spaceOf(key);
    if (s != null) {
      throw new ShellException(
          "keys under " + s.hex() + " belong to " + s.owner() + ": use the " + s.use());
    }
    return key;
  }

  /** {@code prefix}, unless deleting it would delete object or table keys too. */
  static Bytes deletablePrefix(Bytes prefix) {
    for (Space s : SPACES) {
      if (prefix.startsWith(s.prefix()) || s.prefix().startsWith(prefix)) {
        throw new ShellException("delprefix " + Display.word(prefix)
            + " would delete " + s.owner() + "'s keys (under " + s.hex() + "): use a longer"
            + " prefix, or the " + s.use());
      }
    }
    return prefix;
  }

  /**
   * The entries of {@code range} outside the reserved spaces. The range is cut into the pieces
   * around them, so no chunk or index entry is read only to be dropped; the limit applies to
   * what is left. A range the store would refuse (inverted, limit below 1) is passed on for it
   * to refuse.
   */
  static Flux<Entry> scan(Reads reads, KeyRange range) {
    Bytes from = range.fromKey();
    Bytes to = range.toKey();
    boolean valid = range.limit() >= 1 && (from == null || to == null || from.compareTo(to) <= 0);
    if (!valid) {
      return reads.scan(range);
    }
    // the pieces of [from, to) between the reserved spaces, in key order
    List<KeyRange> pieces = new ArrayList<>(SPACES.size() + 1);
    Bytes at = from;
    boolean cut = false;
    for (Space s : SPACES) {
      boolean overlaps = (at == null || at.compareTo(s.end()) < 0)
          && (to == null || to.compareTo(s.prefix()) > 0);
      if (!overlaps) {
        continue;
      }
      cut = true;
      if (at == null || at.compareTo(s.prefix()) < 0) {
        pieces.add(KeyRange.of(at, s.prefix()));
      }
      at = s.end();
    }
    if (!cut) {
      return reads.scan(range);
    }
    if (to == null || at.compareTo(to) < 0) {
      pieces.add(KeyRange.of(at, to));
    }
    if (range.isReverse()) {
      Collections.reverse(pieces);
    }
    Flux<Entry> entries = Flux.fromIterable(pieces)
        .concatMap(p -> reads.scan(p.reverse(range.isReverse()).limit(range.limit())));
    return range.limit() == KeyRange.NO_LIMIT ? entries : entries.take(range.limit());
  }

  /** Whether {@code event} changes a key under {@code prefix} and outside the reserved spaces. */
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
