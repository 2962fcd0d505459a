package dev.weir.engine.run;

import dev.weir.engine.Bytes;
import dev.weir.engine.iterator.KeySource;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.BloomFilter;
import dev.weir.engine.key.ValueKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * An immutable sorted run: the in-memory equivalent of an SSTable.
 *
 * <p>Entries are sorted by key ascending, then sequence descending, and laid out in flat
 * arrays rather than one object per entry: the key bytes of every {@value #KEY_BLOCK} entries
 * in one array (with an offset table only when keys differ in length), sequences as 4-byte
 * offsets from the run's smallest (8-byte values only when they span more than 2^32), and
 * expiry times only when some entry has a TTL. A version's kind needs no array: a put always
 * has a value and a deletion never does. Values are the immutable arrays the store already
 * holds, shared, never copied. For 16-byte keys this is about 25 bytes a record besides the
 * value, which is what puts Weir's heap per record below a B-tree's.
 *
 * <p>A lookup first asks the blocked {@link BloomFilter} (one cache line), then searches a
 * fence index of the first 8 bytes of every {@value #FENCE_STRIDE}th key (small enough to stay
 * in cache; blocks that tie on it are told apart by their first keys), then binary-searches
 * one block of full keys. A missing key almost always costs the bloom probe alone.
 */
public final class Run implements KeySource {

  static final int FENCE_STRIDE = 32;
  /** Entries a key block holds: a fence's stride, so a lookup's search stays in one block. */
  static final int KEY_BLOCK = FENCE_STRIDE;
  private static final int KEY_BLOCK_SHIFT = Integer.numberOfTrailingZeros(KEY_BLOCK);
  /** Counts what cannot happen, so the JIT keeps the loads of {@link #touchKeys}. */
  private static final LongAdder UNLIKELY = new LongAdder();
  private static final VarHandle BE_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final long id;
  private final int size;
  /**
   * The key bytes in blocks of {@value #KEY_BLOCK} entries (block {@code b} holds entries from
   * {@code b * KEY_BLOCK}): a scan hands out keys as ranges of these blocks rather than copies,
   * and a key a caller keeps holds on to its block alone, a few hundred bytes, never the run's
   * megabytes of keys.
   */
  private final byte[][] keyBlocks;
  /**
   * Where each key starts, counting through all blocks as if they were one array (entry {@code
   * size} holds the end); null when every key is {@link #keyLength} long.
   */
  private final int[] keyOffsets;
  private final int keyLength;
  /** Sequences as unsigned offsets from {@link #minSeq}; null when they span too much. */
  private final int[] seqOffsets;
  /** Sequences in full, only when {@link #seqOffsets} cannot hold them. */
  private final long[] seqs;
  private final long[] expiries;
  private final byte[][] values;
  private final boolean distinctKeys;
  private final long[] fences;
  /** Bytes every key of the run starts with; fences hold the 8 bytes after them. */
  private final int commonPrefix;
  private final BloomFilter bloom;
  private final BloomStats bloomStats;
  private final long minSeq;
  private final long maxSeq;
  private final long heapBytes;
  private final long liveValueBytes;
  private final long minExpireAt;
  private final boolean hasTombstones;
  /** Copies of the first and last keys: a bounds check reads two small hot arrays. */
  private final byte[] first;
  private final byte[] last;

  Run(
      long id,
      int size,
      byte[][] keyBlocks,
      int[] keyOffsets,
      long[] seqs,
      long[] expiries,
      byte[][] values,
      boolean distinctKeys,
      BloomFilter bloom,
      BloomStats bloomStats) {
    this.id = id;
    this.size = size;
    // fixed-length keys (the common case) need no offset table: 4 bytes a record fewer, and a
    // scan reads one array less
    int length = size == 0 ? 0 : keyOffsets[1] - keyOffsets[0];
    boolean fixed = keyOffsets[0] == 0;
    for (int i = 1; fixed && i <= size; i++) {
      fixed = keyOffsets[i] - keyOffsets[i - 1] == length;
    }
    this.keyOffsets = fixed ? null : keyOffsets;
    this.keyLength = length;
    this.keyBlocks = keyBlocks;
    long keyHeap = 16L + 4L * keyBlocks.length;
    for (byte[] block : keyBlocks) {
      keyHeap += 16 + block.length;
    }
    long lo = Long.MAX_VALUE;
    long hi = 0;
    for (int i = 0; i < size; i++) {
      lo = Math.min(lo, seqs[i]);
      hi = Math.max(hi, seqs[i]);
    }
    this.minSeq = lo;
    this.maxSeq = hi;
    // a run's sequences usually span far less than 2^32: 4 bytes a record instead of 8
    if (size > 0 && hi - lo <= 0xFFFF_FFFFL) {
      int[] offsets = new int[size];
      for (int i = 0; i < size; i++) {
        offsets[i] = (int) (seqs[i] - lo);
      }
      this.seqOffsets = offsets;
      this.seqs = null;
    } else {
      this.seqOffsets = null;
      this.seqs = seqs;
    }
    this.expiries = expiries;
    this.values = values;
    this.distinctKeys = distinctKeys;
    this.bloom = bloom;
    this.bloomStats = bloomStats;
    this.commonPrefix = size == 0 ? 0 : commonPrefixLength(0, size - 1);
    this.first = size == 0 ? null : keyAt(0);
    this.last = size == 0 ? null : keyAt(size - 1);
    this.fences = new long[(size + FENCE_STRIDE - 1) / FENCE_STRIDE];
    for (int f = 0; f < fences.length; f++) {
      int at = keyStart(f * FENCE_STRIDE) + commonPrefix;
      fences[f] = prefix8(keyBlock(f * FENCE_STRIDE), at, keyEnd(f * FENCE_STRIDE) - at);
    }
    long valueBytes = 0;
    boolean tombstones = false;
    for (int i = 0; i < size; i++) {
      if (values[i] != null) {
        valueBytes += 16 + values[i].length;
      } else {
        tombstones = true;
      }
    }
    this.liveValueBytes = valueBytes;
    this.hasTombstones = tombstones;
    long earliest = 0;
    if (expiries != null) {
      for (long at : expiries) {
        if (at != 0 && (earliest == 0 || at < earliest)) {
          earliest = at;
        }
      }
    }
    this.minExpireAt = earliest;
    this.heapBytes =
        valueBytes
            + keyHeap
            + (this.keyOffsets == null ? 0 : 4L * keyOffsets.length)
            + (seqOffsets == null ? 8L : 4L) * size
            + 4L * size
            + (expiries == null ? 0 : 8L * size)
            + 8L * fences.length
            + bloom.heapBytes()
            + 128;
  }

  public long id() {
    return id;
  }

  public int size() {
    return size;
  }

  public long minSeq() {
    return minSeq;
  }

  @Override
  public long maxSeq() {
    return maxSeq;
  }

  /** Heap bytes this run holds, values included. */
  public long heapBytes() {
    return heapBytes;
  }

  /**
   * Most heap bytes a run holds beyond its entries' share: the object and its small arrays, a
   * bloom filter and fence index rounded up, a partly filled key block. A compaction that
   * splits its output into one run more adds at most this.
   */
  public static final long FIXED_BYTES_BOUND = 320;

  /**
   * Bytes a compaction could add to this run's entries by merging them into a run laid out
   * wider: an offset table once keys of {@code mixedKeyLengths} meet, an expiry column once
   * {@code expiring} entries meet, 8-byte sequences once {@code wideSequences} span 2^32.
   */
  public long relayoutBytes(boolean mixedKeyLengths, boolean expiring, boolean wideSequences) {
    return (mixedKeyLengths && keyOffsets == null ? 4L * (size + 1) : 0)
        + (expiring && expiries == null ? 8L * size : 0)
        + (wideSequences && seqOffsets != null ? 4L * size : 0);
  }

  @Override
  public long minExpireAt() {
    return minExpireAt;
  }

  /**
   * Whether a merge could drop nothing from this run on its own: one version a key, no
   * tombstone, no expiry. Only such a run may move down a level unmerged, or the dead entries
   * of a write-then-delete workload would ride down unmerged and pile up.
   */
  public boolean mergeDropsNothing() {
    return distinctKeys && !hasTombstones && expiries == null;
  }

  public long valueBytes() {
    return liveValueBytes;
  }

  /** The smallest key; shared, must not be changed. */
  public byte[] smallestKey() {
    return first;
  }

  /** The largest key; shared, must not be changed. */
  public byte[] largestKey() {
    return last;
  }

  /**
   * Whether this run holds any version of {@code key} ({@code hash} is its {@code KeyHash}):
   * the bloom filter, then a search to rule out its false positives. For compaction, which must
   * know for certain; the read counters are left alone.
   */
  public boolean holds(byte[] key, long hash) {
    if (size == 0
        || Arrays.compareUnsigned(first, key) > 0
        || Arrays.compareUnsigned(last, key) < 0
        || !bloom.mightContain(hash)) {
      return false;
    }
    int i = lowerBound(key);
    return i < size && compareAt(i, key) == 0;
  }

  @Override
  public boolean find(byte[] key, long hash, long maxSeq, VersionRef out) {
    if (size == 0
        || Arrays.compareUnsigned(first, key) > 0
        || Arrays.compareUnsigned(last, key) < 0) {
      return false;
    }
    if (!bloom.mightContain(hash)) {
      bloomStats.useful.increment();
      return false;
    }
    int i = lowerBound(key);
    if (i == size || compareAt(i, key) != 0) {
      bloomStats.falsePositive.increment();
      return false;
    }
    for (; i < size && compareAt(i, key) == 0; i++) {
      if (seqAt(i) <= maxSeq) {
        load(i, out);
        return true;
      }
    }
    return false;
  }

  @Override
  public SourceCursor cursor(byte[] from, byte[] to, boolean reverse) {
    return RunCursor.over(new Run[] {this}, 0, from, to, reverse);
  }

  // ---- entry access, for cursors, builders and compaction ----

  byte[] keyAt(int i) {
    return Arrays.copyOfRange(keyBlock(i), keyStart(i), keyEnd(i));
  }

  /** Entry {@code i}'s key as a range of its key block, neither copied nor read. */
  Bytes keyView(int i) {
    int start = keyStart(i);
    return Bytes.wrap(keyBlock(i), start, keyEnd(i) - start);
  }

  /** The length of entry {@code i}'s key. */
  int keyLength(int i) {
    return keyEnd(i) - keyStart(i);
  }

  /** Puts entry {@code i}'s key at {@code out}'s position, copying no more than once. */
  void putKey(int i, ByteBuffer out) {
    int start = keyStart(i);
    out.put(keyBlock(i), start, keyEnd(i) - start);
  }

  private byte[] keyBlock(int i) {
    return keyBlocks[i >>> KEY_BLOCK_SHIFT];
  }

  /** Where entry {@code i}'s key starts in its block. */
  private int keyStart(int i) {
    return keyOffsets == null
        ? (i & (KEY_BLOCK - 1)) * keyLength
        : keyOffsets[i] - keyOffsets[i & -KEY_BLOCK];
  }

  /** Where entry {@code i}'s key ends in its block. */
  private int keyEnd(int i) {
    return keyOffsets == null
        ? ((i & (KEY_BLOCK - 1)) + 1) * keyLength
        : keyOffsets[i + 1] - keyOffsets[i & -KEY_BLOCK];
  }

  /**
   * Reads one word of every cache line that entries {@code [from, from + count)} occupy in the
   * sequence and value arrays (and the key bytes, if {@code keys}), so that their misses
   * overlap instead of stalling a cursor one by one (Java has no prefetch instruction;
   * independent loads are the nearest thing). Returns a value the caller must keep, so the
   * loads are not optimised away.
   */
  int touch(int from, int count, boolean keys) {
    int to = Math.min(size, from + count);
    if (from >= to) {
      return 0;
    }
    int t = keys ? touchKeys(from, to) : 0;
    for (int i = from; i < to; i += 16) { // 16 ints or compressed references a line
      t += seqOffsets != null ? seqOffsets[i] : (int) seqs[i];
      t += values[i] == null ? 1 : 0;
    }
    return t;
  }

  long seqAt(int i) {
    return seqOffsets != null ? minSeq + Integer.toUnsignedLong(seqOffsets[i]) : seqs[i];
  }

  byte kindAt(int i) {
    return values[i] == null ? ValueKind.DELETE : ValueKind.PUT;
  }

  byte[] valueAt(int i) {
    return values[i];
  }

  long expireAt(int i) {
    return expiries == null ? 0 : expiries[i];
  }

  void load(int i, VersionRef out) {
    out.set(seqAt(i), kindAt(i), values[i], expiries == null ? 0 : expiries[i]);
  }

  /** The first entry after the versions of entry {@code i}'s key. */
  int nextKey(int i) {
    if (distinctKeys) {
      return i + 1;
    }
    int j = i + 1;
    while (j < size && sameKey(i, j)) {
      j++;
    }
    return j;
  }

  /** The first entry (newest version) of the key before entry {@code i}'s key. */
  int previousKey(int i) {
    int j = i - 1;
    if (distinctKeys || j < 0) {
      return j;
    }
    while (j > 0 && sameKey(j - 1, j)) {
      j--;
    }
    return j;
  }

  /** The first entry whose key is at least {@code key}. */
  int lowerBound(byte[] key) {
    long window = searchWindow(key);
    int a = (int) (window >>> 32);
    int b = (int) window;
    // load the block's lines together: a binary search would miss on them one after another
    if (touchKeys(a, b) == Integer.MIN_VALUE) {
      UNLIKELY.increment(); // never in practice; makes the loads' result matter
    }
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (compareAt(mid, key) < 0) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a;
  }

  /**
   * The entries {@code [a, b)} that hold the lower bound of {@code key} (or {@code b} is it),
   * packed as {@code a << 32 | b}: one key block at most. Fences tell blocks apart by 8 bytes
   * after the common prefix; keys that share more (a table's items under one partition key)
   * tie on many fences, and those blocks are told apart by their first keys, a binary search
   * of a few compares instead of reading every tied block.
   */
  long searchWindow(byte[] key) {
    if (commonPrefix > 0) {
      int head =
          Arrays.compareUnsigned(
              key, 0, Math.min(commonPrefix, key.length),
              keyBlocks[0], 0, commonPrefix);
      if (head < 0 || (head == 0 && key.length < commonPrefix)) {
        return 0;
      }
      if (head > 0) {
        return ((long) size << 32) | size;
      }
    }
    long prefix = prefix8(key, commonPrefix, key.length - commonPrefix);
    // blocks whose first key sorts below ours: the last of them may hold the lower bound
    int below = fenceBound(prefix);
    // of the blocks that tie on the fence, the first whose first key is at least ours
    int lo = below;
    int hi = below;
    while (hi < fences.length && fences[hi] == prefix) {
      hi++;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareAt(mid * FENCE_STRIDE, key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    // the lower bound lies in the block before that one, or at that block's start
    int a = Math.max(0, lo - 1) * FENCE_STRIDE;
    int b = Math.min(size, lo * FENCE_STRIDE);
    return ((long) a << 32) | b;
  }

  private int touchKeys(int from, int to) {
    int t = 0;
    if (from >= to) {
      return t;
    }
    for (int b = from >>> KEY_BLOCK_SHIFT, last = (to - 1) >>> KEY_BLOCK_SHIFT; b <= last; b++) {
      byte[] block = keyBlocks[b];
      for (int at = 0; at < block.length; at += 64) {
        t += block[at];
      }
    }
    return t;
  }

  /** The first fence at least {@code prefix}. */
  private int fenceBound(long prefix) {
    int lo = 0;
    int hi = fences.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(fences[mid], prefix) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  int compareAt(int i, byte[] key) {
    return Arrays.compareUnsigned(keyBlock(i), keyStart(i), keyEnd(i), key, 0, key.length);
  }

  private boolean sameKey(int i, int j) {
    return Arrays.equals(
        keyBlock(i), keyStart(i), keyEnd(i), keyBlock(j), keyStart(j), keyEnd(j));
  }

  private int commonPrefixLength(int i, int j) {
    int mismatch =
        Arrays.mismatch(keyBlock(i), keyStart(i), keyEnd(i), keyBlock(j), keyStart(j), keyEnd(j));
    return mismatch < 0 ? keyEnd(i) - keyStart(i) : mismatch;
  }

  /** Up to 8 bytes from {@code from} as an unsigned big-endian long, zero-padded. */
  private static long prefix8(byte[] bytes, int from, int len) {
    if (len >= 8) {
      return (long) BE_LONGS.get(bytes, from);
    }
    long p = 0;
    for (int k = 0; k < 8; k++) {
      p = (p << 8) | (k < len ? bytes[from + k] & 0xFFL : 0);
    }
    return p;
  }

  /** Bloom counters shared by every run of one store. */
  public static final class BloomStats {
    /** Lookups the filter answered "absent", saving a search. */
    public final LongAdder useful = new LongAdder();
    /** Lookups the filter let through for a key the run does not hold. */
    public final LongAdder falsePositive = new LongAdder();
  }

  @Override
  public String toString() {
    return "Run#" + id + "[" + size + " entries, seq " + minSeq + ".." + maxSeq + "]";
  }
}
