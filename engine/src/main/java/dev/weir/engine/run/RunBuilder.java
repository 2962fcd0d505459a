package dev.weir.engine.run;

import dev.weir.engine.key.BloomFilter;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.KeyOrder;
import dev.weir.engine.key.ValueKind;
import java.util.Arrays;

/**
 * Builds a {@link Run} from entries added in order: key ascending, then sequence descending.
 * Owned by the one thread that builds (the compactor); the built run is immutable.
 */
public final class RunBuilder {

  private final int bitsPerKey;
  private final Run.BloomStats bloomStats;
  /** The key blocks sealed so far, as the run will hold them. */
  private byte[][] keyBlocks = new byte[4][];
  private int sealed;
  /** The keys of the block being filled: reused, so each block is copied once, from cache. */
  private byte[] staging = new byte[1024];
  private int stagedFrom; // keyBytes at the block's start
  private int keyBytes;
  private int[] keyOffsets = new int[65];
  private long[] seqs = new long[64];
  private long[] expiries;
  private byte[][] values = new byte[64][];
  private long[] hashes = new long[64];
  private int size;
  private int distinct;
  private byte[] lastKey;
  private long lastSeq;

  public RunBuilder(int bitsPerKey, Run.BloomStats bloomStats) {
    this.bitsPerKey = bitsPerKey;
    this.bloomStats = bloomStats;
  }

  /**
   * A builder sized for {@code expectedEntries}, as a run file's footer tells: its arrays are
   * allocated once instead of doubled twenty times on the way to a million entries.
   */
  public RunBuilder(int bitsPerKey, Run.BloomStats bloomStats, int expectedEntries) {
    this(bitsPerKey, bloomStats);
    if (expectedEntries < 0) {
      throw new IllegalArgumentException("expectedEntries must not be negative: "
          + expectedEntries);
    }
    int n = Math.max(64, expectedEntries + 1);
    keyBlocks = new byte[n / Run.KEY_BLOCK + 1][];
    keyOffsets = new int[n + 1];
    seqs = new long[n];
    values = new byte[n][];
    hashes = new long[n];
  }

  public int size() {
    return size;
  }

  public void add(byte[] key, long seq, byte kind, byte[] value, long expireAt) {
    if ((kind == ValueKind.PUT) != (value != null)) {
      // the run derives a version's kind from its value
      throw new IllegalArgumentException("a put needs a value and a deletion has none");
    }
    boolean newKey = lastKey == null || !Arrays.equals(lastKey, key);
    if (lastKey != null) {
      int cmp = KeyOrder.compare(lastKey, key);
      if (cmp > 0 || (cmp == 0 && seq >= lastSeq)) {
        throw new IllegalStateException("entries must be added in internal key order");
      }
    }
    ensureCapacity(key.length);
    System.arraycopy(key, 0, staging, keyBytes - stagedFrom, key.length);
    keyBytes += key.length;
    keyOffsets[size + 1] = keyBytes;
    seqs[size] = seq;
    values[size] = value;
    if (expireAt != 0) {
      if (expiries == null) {
        expiries = new long[seqs.length];
      }
      expiries[size] = expireAt;
    }
    if (newKey) {
      hashes[distinct++] = KeyHash.hash(key);
      lastKey = key;
    }
    lastSeq = seq;
    size++;
    if ((size & (Run.KEY_BLOCK - 1)) == 0) {
      sealBlock();
    }
  }

  private void sealBlock() {
    if (sealed == keyBlocks.length) {
      keyBlocks = Arrays.copyOf(keyBlocks, sealed * 2);
    }
    keyBlocks[sealed++] = Arrays.copyOf(staging, keyBytes - stagedFrom);
    stagedFrom = keyBytes;
  }

  public Run build(long id) {
    if ((size & (Run.KEY_BLOCK - 1)) != 0) {
      sealBlock(); // the last, partly filled block
    }
    BloomFilter bloom = BloomFilter.build(hashes, distinct, bitsPerKey);
    return new Run(
        id,
        size,
        Arrays.copyOf(keyBlocks, sealed),
        Arrays.copyOf(keyOffsets, size + 1),
        Arrays.copyOf(seqs, size),
        expiries == null ? null : Arrays.copyOf(expiries, size),
        Arrays.copyOf(values, size),
        distinct == size,
        bloom,
        bloomStats);
  }

  private void ensureCapacity(int keyLength) {
    int staged = keyBytes - stagedFrom;
    if (staged + keyLength > staging.length) {
      staging = Arrays.copyOf(staging, Math.max(staging.length * 2, staged + keyLength));
    }
    if (size + 1 >= seqs.length) {
      int n = seqs.length * 2;
      keyOffsets = Arrays.copyOf(keyOffsets, n + 1);
      seqs = Arrays.copyOf(seqs, n);
      values = Arrays.copyOf(values, n);
      hashes = Arrays.copyOf(hashes, n);
      if (expiries != null) {
        expiries = Arrays.copyOf(expiries, n);
      }
    }
  }
}
