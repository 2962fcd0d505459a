package dev.weir.engine.key;

/**
 * A blocked bloom filter: every key's bits fall in one 512-bit block (one cache line), so a
 * negative lookup costs one cache miss whatever the number of probes.
 *
 * <p>A run's filter is built whole and never changes. A memtable's grows: its one writer (the
 * write loop) adds keys with plain writes, and readers probe concurrently. That is safe
 * because bits are only ever set: a reader looks only for versions published to it (by the
 * volatile write that installs a Version, after their bits were set), and any value a word
 * has held since then, even read torn, still has those bits.
 */
public final class BloomFilter {

  private static final int LONGS_PER_BLOCK = 8;

  private final long[] bits;
  private final int blocks;
  private final int probes;

  private BloomFilter(long[] bits, int probes) {
    this.bits = bits;
    this.blocks = bits.length / LONGS_PER_BLOCK;
    this.probes = probes;
  }

  /** A filter over {@code hashes} (from {@link KeyHash}) at about {@code bitsPerKey} bits each. */
  public static BloomFilter build(long[] hashes, int count, int bitsPerKey) {
    BloomFilter f = empty(count, bitsPerKey);
    for (int i = 0; i < count; i++) {
      f.add(hashes[i]);
    }
    return f;
  }

  /** An empty filter sized for {@code keys} keys at about {@code bitsPerKey} bits each. */
  public static BloomFilter empty(long keys, int bitsPerKey) {
    long totalBits = Math.max(512L, keys * bitsPerKey);
    int blocks = (int) Math.min(Integer.MAX_VALUE / LONGS_PER_BLOCK, (totalBits + 511) / 512);
    int probes = Math.max(1, Math.min(12, (int) Math.round(bitsPerKey * 0.69)));
    return new BloomFilter(new long[blocks * LONGS_PER_BLOCK], probes);
  }

  /** Adds a key's hash; by one thread at a time (see the class comment for readers). */
  public void add(long hash) {
    int base = block(hash);
    long h = hash;
    for (int i = 0; i < probes; i++) {
      int bit = (int) (h & 511);
      bits[base + (bit >>> 6)] |= 1L << bit;
      h = (h >>> 9) | (h << 55);
    }
  }

  /** False means the key is certainly absent. */
  public boolean mightContain(long hash) {
    int base = block(hash);
    long h = hash;
    for (int i = 0; i < probes; i++) {
      int bit = (int) (h & 511);
      if ((bits[base + (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
      h = (h >>> 9) | (h << 55);
    }
    return true;
  }

  private int block(long hash) {
    // the high 32 bits choose the block, the low bits the probes
    return (int) (((hash >>> 32) * blocks) >>> 32) * LONGS_PER_BLOCK;
  }

  public long heapBytes() {
    return 16L + bits.length * 8L;
  }
}
