package dev.weir.engine.memtable;

import dev.weir.engine.Bytes;
import dev.weir.engine.iterator.KeySource;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.BloomFilter;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.KeyOrder;

/**
 * The MVCC memtable: one writer, any number of lock-free readers.
 *
 * <p>Each user key maps to a chain of immutable {@link MemVersion}s, newest first. The write
 * loop adds a version by building a new head that links the old one and publishing it in the
 * key's {@link SkipList} node; a reader filters by its read sequence, so versions the write
 * loop has added but not yet published (sequence above the visible one) are skipped. A skip
 * list keyed by user key (not by internal key) means a lookup compares user keys only and
 * costs one search.
 *
 * <p>A bloom filter over its keys spares a lookup of a key that lives in a run the skip-list
 * search, a dozen dependent cache misses: with writes flowing, most gets are such lookups. It
 * is sized for the most keys a memtable of its capacity can hold ({@link #ENTRY_OVERHEAD}
 * bytes each at least), so it never runs below its bits per key.
 *
 * <p>Mutating methods are called only by the write loop ({@link #add}); sizes are written by
 * that one thread and read racily by stats.
 */
public final class MemTable implements KeySource {

  /** Heap bytes per entry besides key and value: node or version, links, array headers. */
  static final int ENTRY_OVERHEAD = 96;

  private final SkipList list = new SkipList();
  private final long id;
  private final long capacityBytes;
  private final int bitsPerKey;
  private final BloomFilter filter;
  private volatile long bytes;
  private volatile long versions;
  private volatile long valueBytes;
  private volatile long minExpireAt;
  private long minSeq = Long.MAX_VALUE;
  private long maxSeq;
  /** The store's last sequence when the write loop froze it; 0 while active. */
  private volatile long sealedSeq;

  /**
   * @param capacityBytes the size at which the write loop rotates it
   * @param bitsPerKey bloom filter bits per key, as for runs
   */
  public MemTable(long id, long capacityBytes, int bitsPerKey) {
    this.id = id;
    this.capacityBytes = capacityBytes;
    this.bitsPerKey = bitsPerKey;
    this.filter = BloomFilter.empty(capacityBytes / ENTRY_OVERHEAD + 1, bitsPerKey);
    this.bytes = filter.heapBytes();
  }

  /** Heap bytes an empty memtable of this capacity holds: its bloom filter, sized up front. */
  public long emptyBytes() {
    return filter.heapBytes();
  }

  /** An empty memtable of the same capacity, to take over from this one. */
  public MemTable successor(long id) {
    return new MemTable(id, capacityBytes, bitsPerKey);
  }

  /** An empty memtable like this one but rotated at {@code capacityBytes}. */
  public MemTable successor(long id, long capacityBytes) {
    return new MemTable(id, capacityBytes, bitsPerKey);
  }

  /** The size at which the write loop rotates it. */
  public long capacityBytes() {
    return capacityBytes;
  }

  public long id() {
    return id;
  }

  /**
   * Called by the write loop as it freezes this memtable: every sequence up to {@code seq} is
   * now in this memtable, an older one, a run, or (range deletes and log records) elsewhere, so
   * once it is flushed a durable store's log is needed only after {@code seq}.
   */
  public void seal(long seq) {
    sealedSeq = seq;
  }

  /** The last sequence when frozen; 0 while still active. */
  public long sealedSeq() {
    return sealedSeq;
  }

  /** Called only by the write loop. Returns the heap bytes the new version costs. */
  public long add(byte[] key, long seq, byte kind, byte[] value, long expireAt) {
    long cost = ENTRY_OVERHEAD + (value == null ? 0 : value.length);
    if (list.add(key, seq, kind, value, expireAt)) {
      filter.add(KeyHash.hash(key));
      cost += key.length;
    }
    bytes += cost;
    versions++;
    if (value != null) {
      valueBytes += value.length;
    }
    if (expireAt != 0 && (minExpireAt == 0 || expireAt < minExpireAt)) {
      minExpireAt = expireAt;
    }
    minSeq = Math.min(minSeq, seq);
    maxSeq = Math.max(maxSeq, seq);
    return cost;
  }

  public long approximateBytes() {
    return bytes;
  }

  @Override
  public long minExpireAt() {
    return minExpireAt;
  }

  public long valueBytes() {
    return valueBytes;
  }

  public long versionCount() {
    return versions;
  }

  public boolean isEmpty() {
    return versions == 0;
  }

  /** Smallest sequence held; read only by the write loop or after the memtable is frozen. */
  public long minSeq() {
    return minSeq;
  }

  @Override
  public long maxSeq() {
    return maxSeq;
  }

  @Override
  public boolean find(byte[] key, long hash, long maxSeq, VersionRef out) {
    // a settled store's memtable is empty: its head, hot in cache, says so where the filter's
    // bits would cost a miss per get (6% of a table's getItem)
    if (list.isEmpty() || !filter.mightContain(hash)) {
      return false;
    }
    SkipList.Node node = list.find(key);
    MemVersion v = node == null ? null : node.newest().visibleAt(maxSeq);
    if (v == null) {
      return false;
    }
    out.set(v.seq, v.kind, v.value, v.expireAt);
    return true;
  }

  @Override
  public SourceCursor cursor(byte[] from, byte[] to, boolean reverse) {
    // an empty memtable (a settled store's) costs no search: a version a reader may see was in
    // the list before its sequence became visible, so none is missed
    if (list.isEmpty()) {
      return new Cursor(list, null, from, to, reverse);
    }
    SkipList.Node first = reverse ? list.lower(to) : list.ceiling(from);
    return new Cursor(list, first, from, to, reverse);
  }

  /**
   * Walks the list in key order within {@code [from, to)}, weakly consistent: keys added after
   * it passed their place are not seen. Backwards, each step is a search for the key below (no
   * back links to keep). One reader thread.
   */
  private static final class Cursor implements SourceCursor {
    private final SkipList list;
    private final byte[] from;
    private final byte[] to;
    private final boolean reverse;
    private SkipList.Node node;

    Cursor(SkipList list, SkipList.Node first, byte[] from, byte[] to, boolean reverse) {
      this.list = list;
      this.from = from;
      this.to = to;
      this.reverse = reverse;
      this.node = within(first);
    }

    private SkipList.Node within(SkipList.Node n) {
      if (n == null) {
        return null;
      }
      if (reverse ? from != null && KeyOrder.compare(n.key, from) < 0
          : to != null && KeyOrder.compare(n.key, to) >= 0) {
        return null;
      }
      return n;
    }

    @Override
    public boolean valid() {
      return node != null;
    }

    @Override
    public byte[] key() {
      return node == null ? null : node.key;
    }

    @Override
    public Bytes keyBytes() {
      return Bytes.wrap(node.key); // the store's own immutable copy
    }

    @Override
    public void next() {
      if (node != null) {
        node = within(reverse ? list.lower(node.key) : node.next(0));
      }
    }

    @Override
    public boolean resolve(long maxSeq, VersionRef out) {
      MemVersion v = node.newest().visibleAt(maxSeq);
      if (v == null) {
        return false;
      }
      out.set(v.seq, v.kind, v.value, v.expireAt);
      return true;
    }

    @Override
    public void versions(VersionSink sink) {
      for (MemVersion v = node.newest(); v != null; v = v.older) {
        sink.accept(v.seq, v.kind, v.value, v.expireAt);
      }
    }
  }
}
