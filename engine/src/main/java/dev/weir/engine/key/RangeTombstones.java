package dev.weir.engine.key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The range tombstones a Version holds, indexed so that a read asks "is this version of this
 * key deleted by a range?" in O(log n) rather than checking every tombstone. Immutable.
 *
 * <p>Range deletes stay until compaction retires them, and every get and every scan step asks
 * the question, so a flat list made each read cost more with every range delete outstanding: a
 * loop of {@code deletePrefix} calls slowed reads without bound until a compaction came.
 *
 * <p>The index is Pebble's fragmentation: the tombstones' bounds cut the key space into
 * fragments, each with the ascending sequences of the tombstones covering all of it. A query
 * binary-searches the fragment of the key, then the largest sequence at or below the reader's
 * (a newer delete is invisible to it) and compares that with the version's. Nested ranges can
 * make the fragments' lists grow quadratically; past {@link #MAX_COVERAGE_PER_TOMBSTONE} entries
 * a tombstone the set keeps the flat list instead, which is never worse than before.
 *
 * <p>Rebuilding on every added tombstone would cost O(n log n) per range delete, so the newest
 * ones, at most {@link #MAX_TAIL}, stay in a short {@link #tail} that reads check one by one,
 * and the index is rebuilt when it fills: a read costs O(log n) plus that constant, and a range
 * delete a copy of the tail plus, amortized, a {@code MAX_TAIL}th of a rebuild. Reads are the
 * common case, so they get the bound.
 */
public final class RangeTombstones {

  public static final RangeTombstones EMPTY =
      new RangeTombstones(new RangeTombstone[0], null, new RangeTombstone[0]);

  private static final int MAX_TAIL = 32;
  private static final int MAX_COVERAGE_PER_TOMBSTONE = 8;

  /** Tombstones the index covers, oldest first. */
  private final RangeTombstone[] indexed;
  /** Fragments of {@link #indexed}; null when there are none or coverage would be too large. */
  private final Fragments fragments;
  /** Tombstones added since the index was built, oldest first. */
  private final RangeTombstone[] tail;

  private RangeTombstones(RangeTombstone[] indexed, Fragments fragments, RangeTombstone[] tail) {
    this.indexed = indexed;
    this.fragments = fragments;
    this.tail = tail;
  }

  /** This set plus {@code t}, newer than every tombstone already in it. */
  public RangeTombstones with(RangeTombstone t) {
    RangeTombstone[] longer = Arrays.copyOf(tail, tail.length + 1);
    longer[tail.length] = t;
    if (longer.length < MAX_TAIL) {
      return new RangeTombstones(indexed, fragments, longer);
    }
    return of(concat(indexed, longer));
  }

  /** This set without the tombstones written at the sequences in {@code retiredSorted}. */
  public RangeTombstones without(long[] retiredSorted) {
    if (retiredSorted.length == 0) {
      return this;
    }
    return of(
        Arrays.stream(toArray())
            .filter(t -> Arrays.binarySearch(retiredSorted, t.seq()) < 0)
            .toArray(RangeTombstone[]::new));
  }

  /** The set of {@code tombstones}, indexed. */
  public static RangeTombstones of(RangeTombstone[] tombstones) {
    if (tombstones.length == 0) {
      return EMPTY;
    }
    RangeTombstone[] bySeq = tombstones.clone();
    Arrays.sort(bySeq, Comparator.comparingLong(RangeTombstone::seq));
    return new RangeTombstones(bySeq, Fragments.of(bySeq), new RangeTombstone[0]);
  }

  /**
   * Whether a tombstone hides the version of {@code key} written at {@code versionSeq} from a
   * reader at {@code readSeq}: one covers the key, is newer than the version and is visible.
   */
  public boolean hides(byte[] key, long versionSeq, long readSeq) {
    for (RangeTombstone t : tail) {
      if (t.hides(key, versionSeq, readSeq)) {
        return true;
      }
    }
    if (fragments != null) {
      return fragments.hides(key, versionSeq, readSeq);
    }
    for (RangeTombstone t : indexed) {
      if (t.hides(key, versionSeq, readSeq)) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return indexed.length + tail.length;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** Every tombstone, oldest first; a fresh array. */
  public RangeTombstone[] toArray() {
    return concat(indexed, tail);
  }

  @Override
  public String toString() {
    return Arrays.toString(toArray());
  }

  private static RangeTombstone[] concat(RangeTombstone[] a, RangeTombstone[] b) {
    RangeTombstone[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * The key space cut at every tombstone bound: fragment {@code i} is {@code [bounds[i - 1],
   * bounds[i])}, the first starting at the smallest key and the last running to the end.
   */
  private static final class Fragments {
    private final byte[][] bounds;
    /** Per fragment, the ascending sequences of the tombstones that cover it. */
    private final long[][] seqs;

    private Fragments(byte[][] bounds, long[][] seqs) {
      this.bounds = bounds;
      this.seqs = seqs;
    }

    /** The fragments of {@code bySeq} (ascending sequences), or null if they grow too large. */
    static Fragments of(RangeTombstone[] bySeq) {
      List<byte[]> cuts = new ArrayList<>(2 * bySeq.length);
      for (RangeTombstone t : bySeq) {
        if (t.from() != null) {
          cuts.add(t.from());
        }
        if (t.to() != null) {
          cuts.add(t.to());
        }
      }
      cuts.sort(KeyOrder.UNSIGNED);
      byte[][] bounds = distinct(cuts);
      int fragments = bounds.length + 1;
      int[] counts = new int[fragments];
      long coverage = 0;
      long limit = (long) MAX_COVERAGE_PER_TOMBSTONE * bySeq.length + fragments;
      for (RangeTombstone t : bySeq) {
        int lo = first(bounds, t.from());
        int hi = end(bounds, t.to());
        coverage += Math.max(0, hi - lo);
        if (coverage > limit) {
          return null;
        }
        for (int f = lo; f < hi; f++) {
          counts[f]++;
        }
      }
      long[][] seqs = new long[fragments][];
      for (int f = 0; f < fragments; f++) {
        seqs[f] = new long[counts[f]];
        counts[f] = 0;
      }
      for (RangeTombstone t : bySeq) { // ascending sequences, so each list comes out sorted
        for (int f = first(bounds, t.from()), hi = end(bounds, t.to()); f < hi; f++) {
          seqs[f][counts[f]++] = t.seq();
        }
      }
      return new Fragments(bounds, seqs);
    }

    boolean hides(byte[] key, long versionSeq, long readSeq) {
      long[] covering = seqs[fragmentOf(key)];
      int at = Arrays.binarySearch(covering, readSeq);
      int newestVisible = at >= 0 ? at : -at - 2; // the largest sequence at or below readSeq
      return newestVisible >= 0 && covering[newestVisible] > versionSeq;
    }

    /** The number of bounds at or below {@code key}: the index of its fragment. */
    private int fragmentOf(byte[] key) {
      int lo = 0;
      int hi = bounds.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (KeyOrder.compare(bounds[mid], key) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The first fragment a tombstone starting at {@code from} covers. */
    private static int first(byte[][] bounds, byte[] from) {
      return from == null ? 0 : Arrays.binarySearch(bounds, from, KeyOrder.UNSIGNED) + 1;
    }

    /** The fragment after the last one a tombstone ending at {@code to} covers. */
    private static int end(byte[][] bounds, byte[] to) {
      return to == null ? bounds.length + 1 : Arrays.binarySearch(bounds, to, KeyOrder.UNSIGNED) + 1;
    }

    private static byte[][] distinct(List<byte[]> sorted) {
      List<byte[]> out = new ArrayList<>(sorted.size());
      for (byte[] b : sorted) {
        if (out.isEmpty() || KeyOrder.compare(out.get(out.size() - 1), b) != 0) {
          out.add(b);
        }
      }
      return out.toArray(new byte[0][]);
    }
  }
}
