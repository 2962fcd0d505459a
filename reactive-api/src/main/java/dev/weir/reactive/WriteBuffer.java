package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.KeyRange;
import dev.weir.engine.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's buffered writes, in order, with an index for reading them back: the last
 * point write per key and every prefix deletion, each stamped with its position so that the
 * later of the two decides. Log records are kept in order but never indexed: nothing reads them
 * back. Owned by one transaction, used by one thread at a time.
 */
final class WriteBuffer {

  /** What the buffer says about a key: unknown, deleted, or a value. */
  record Lookup(boolean known, Bytes value) {
    static final Lookup UNKNOWN = new Lookup(false, null);
    static final Lookup DELETED = new Lookup(true, null);
  }

  private record PointWrite(Bytes value, int position) {}

  private record PrefixDelete(Bytes prefix, int position) {}

  private final List<WriteBatch.Op> ops = new ArrayList<>();
  private final TreeMap<Bytes, PointWrite> points = new TreeMap<>();
  private final List<PrefixDelete> prefixDeletes = new ArrayList<>();

  void put(Bytes key, Bytes value) {
    ops.add(new WriteBatch.Op(WriteBatch.Kind.PUT, key, value, null, null));
    points.put(key, new PointWrite(value, ops.size()));
  }

  void delete(Bytes key) {
    ops.add(new WriteBatch.Op(WriteBatch.Kind.DELETE, key, null, null, null));
    points.put(key, new PointWrite(null, ops.size()));
  }

  void deletePrefix(Bytes prefix) {
    ops.add(new WriteBatch.Op(WriteBatch.Kind.DELETE_PREFIX, prefix, null, null, null));
    prefixDeletes.add(new PrefixDelete(prefix, ops.size()));
  }

  void log(Bytes key, Bytes value) {
    ops.add(new WriteBatch.Op(WriteBatch.Kind.LOG, key, value, null, null));
  }

  /** Appends a child's writes after this buffer's own. */
  void appendAll(WriteBuffer child) {
    for (WriteBatch.Op op : child.ops) {
      switch (op.kind()) {
        case PUT -> put(op.key(), op.value());
        case DELETE -> delete(op.key());
        case DELETE_PREFIX -> deletePrefix(op.key());
        case LOG -> log(op.key(), op.value());
        case DELETE_RANGE -> throw new IllegalStateException("a transaction buffers no " + op);
      }
    }
  }

  boolean isEmpty() {
    return ops.isEmpty();
  }

  Lookup lookup(Bytes key) {
    PointWrite point = points.get(key);
    int deletedAt = prefixDeletedAt(key);
    if (point != null && point.position > deletedAt) {
      return point.value == null ? Lookup.DELETED : new Lookup(true, point.value);
    }
    return deletedAt > 0 ? Lookup.DELETED : Lookup.UNKNOWN;
  }

  /** Whether a prefix deletion after every point write hides {@code key}. */
  boolean hidesStoredKey(Bytes key) {
    return prefixDeletedAt(key) > 0 && lookup(key).value() == null;
  }

  /** Point writes in {@code range}, in the range's order, as they read now. */
  NavigableMap<Bytes, Lookup> pointsIn(KeyRange range) {
    NavigableMap<Bytes, PointWrite> view = points;
    Bytes from = range.fromKey();
    Bytes to = range.toKey();
    if (from != null && to != null) {
      view = points.subMap(from, true, to, false);
    } else if (from != null) {
      view = points.tailMap(from, true);
    } else if (to != null) {
      view = points.headMap(to, false);
    }
    TreeMap<Bytes, Lookup> out = new TreeMap<>();
    for (Map.Entry<Bytes, PointWrite> e : view.entrySet()) {
      out.put(e.getKey(), lookup(e.getKey()));
    }
    return range.isReverse() ? out.descendingMap() : out;
  }

  WriteBatch toBatch() {
    WriteBatch.Builder b = WriteBatch.builder();
    for (WriteBatch.Op op : ops) {
      switch (op.kind()) {
        case PUT -> b.put(op.key(), op.value());
        case DELETE -> b.delete(op.key());
        case DELETE_PREFIX -> b.deletePrefix(op.key());
        case LOG -> b.log(op.key(), op.value());
        case DELETE_RANGE -> throw new IllegalStateException("a transaction buffers no " + op);
      }
    }
    return b.build();
  }

  private int prefixDeletedAt(Bytes key) {
    int at = 0;
    for (PrefixDelete d : prefixDeletes) {
      if (key.startsWith(d.prefix)) {
        at = Math.max(at, d.position);
      }
    }
    return at;
  }
}
