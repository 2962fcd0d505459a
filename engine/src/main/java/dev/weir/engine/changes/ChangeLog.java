package dev.weir.engine.changes;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The recent committed changes, one per sequence number, in a ring: the bounded buffer every
 * change stream reads from, and what lets a stream resume from a past sequence.
 *
 * <p>Every sequence number the write loop gives out is one change (a put, a delete, a range
 * delete, an expiry, a log record), so the change of sequence {@code s} lives in slot {@code s &
 * mask}. The ring is bounded by count and by the bytes of the keys and values it pins; {@link
 * #floor()} is the oldest sequence still held. A log record lives here and nowhere else: it is
 * a change with nothing stored behind it, and its bytes count like a put's.
 *
 * <p>Why parallel arrays and a sequence lock rather than a ring of event objects: the write loop
 * records every write, watched or not, so recording must allocate nothing. The writer marks a
 * slot's sequence -1, fences, writes the fields, then publishes the new sequence with release
 * semantics; a reader reads the sequence, the fields, fences, and re-reads the sequence, and
 * trusts the fields only if both reads match. Events are built only for readers.
 *
 * <p>Appending is called only by the write loop; {@link #signalWatchers()} is called after the
 * group is published and the writer role released, never while it is held.
 *
 * <p><b>A watcher that keeps up never overflows.</b> Watchers read a group only once it is
 * published, so the ring must still hold the whole group by then: the write loop closes a group
 * before it would hold more changes than the ring has slots ({@link #capacity()}), a batch may
 * not hold more (maxBatchOps is at most the change log's capacity), and the byte bound evicts
 * only changes of earlier groups ({@link #beginGroup}), so the ring may pin a group's bytes past
 * it until the next group.
 */
public final class ChangeLog {

  private final AtomicLongArray seqs;
  private final byte[] types;
  private final byte[][] keys;
  private final byte[][] values;
  private final long[] sizes; // write loop only
  private final int mask;
  private final long maxBytes;
  private final Set<Runnable> watchers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger watcherCount = new AtomicInteger();
  private final AtomicLong overflows = new AtomicLong();
  private long bytes; // write loop only
  private long groupStart = 1; // write loop only
  private volatile long floor = 1;

  /** A ring of at least {@code capacity} changes (rounded to a power of two) and maxBytes. */
  public ChangeLog(int capacity, long maxBytes) {
    int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
    this.seqs = new AtomicLongArray(size);
    this.types = new byte[size];
    this.keys = new byte[size][];
    this.values = new byte[size][];
    this.sizes = new long[size];
    this.mask = size - 1;
    this.maxBytes = maxBytes;
  }

  /**
   * Called once as a durable store opens, before any change: the log starts at {@code seq}
   * (what the recovered write-ahead log holds), so a watch from an older sequence is told the
   * changes are gone rather than handed nothing.
   */
  public void startAt(long seq) {
    floor = seq;
    groupStart = seq;
  }

  /** Changes the ring holds at most (its slots). */
  public int capacity() {
    return mask + 1;
  }

  /**
   * Called only by the write loop as a group starts: changes from {@code firstSeq} on are not
   * evicted for bytes until the next group, so watchers find the whole group once it is visible.
   */
  public void beginGroup(long firstSeq) {
    groupStart = firstSeq;
  }

  /** The bytes one change of {@code key} to {@code value} holds while in the ring. */
  public static long cost(byte[] key, byte[] value) {
    return 64L + key.length + (value == null ? 0 : value.length);
  }

  /**
   * Called only by the write loop, for every sequence in order. For a range deletion {@code
   * value} is the range's end.
   */
  public void append(ChangeEvent.Type type, byte[] key, byte[] value, long seq) {
    int slot = (int) (seq & mask);
    long f = floor;
    long old = seqs.get(slot);
    if (old > 0) {
      bytes -= sizes[slot]; // the slot's old change leaves the ring
      f = Math.max(f, old + 1);
    }
    seqs.set(slot, -1);
    VarHandle.storeStoreFence();
    types[slot] = (byte) type.code();
    keys[slot] = key;
    values[slot] = value;
    long size = cost(key, value);
    sizes[slot] = size;
    seqs.setRelease(slot, seq);
    bytes += size;
    while (bytes > maxBytes && f < groupStart) {
      int gone = (int) (f & mask);
      if (seqs.get(gone) == f) {
        bytes -= sizes[gone];
        sizes[gone] = 0;
        seqs.set(gone, 0);
        VarHandle.storeStoreFence();
        keys[gone] = null;
        values[gone] = null;
      }
      f++;
    }
    if (f != floor) {
      floor = f;
    }
  }

  /** Bytes of keys and values the ring pins; read by the write loop for the memory budget. */
  public long bytes() {
    return bytes;
  }

  /** The oldest sequence still held. */
  public long floor() {
    return floor;
  }

  /** The change of {@code seq}, or {@code null} when the ring no longer holds it. */
  public ChangeEvent get(long seq) {
    if (seq < floor) {
      return null;
    }
    int slot = (int) (seq & mask);
    if (seqs.getAcquire(slot) != seq) {
      return null;
    }
    byte type = types[slot];
    byte[] key = keys[slot];
    byte[] value = values[slot];
    VarHandle.loadLoadFence();
    if (seqs.get(slot) != seq || key == null) {
      return null; // overwritten while we read it
    }
    ChangeEvent.Type t = ChangeEvent.Type.ofCode(type);
    Bytes v = value == null ? null : Bytes.wrap(value);
    boolean range = t == ChangeEvent.Type.RANGE_DELETE;
    return new ChangeEvent(t, Bytes.wrap(key), range ? null : v, range ? v : null, seq);
  }

  public void addWatcher(Runnable signal) {
    if (watchers.add(signal)) {
      watcherCount.incrementAndGet();
    }
  }

  public void removeWatcher(Runnable signal) {
    if (watchers.remove(signal)) {
      watcherCount.decrementAndGet();
    }
  }

  public int watcherCount() {
    return watcherCount.get();
  }

  /** Counts a watcher ended because it fell behind what the log holds. */
  public void overflowed() {
    overflows.incrementAndGet();
  }

  /** Watchers ended because they fell behind. */
  public long overflows() {
    return overflows.get();
  }

  /** Tells every watcher that new changes may be visible; never called with the role held. */
  public void signalWatchers() {
    for (Runnable w : watchers) {
      w.run();
    }
  }
}
