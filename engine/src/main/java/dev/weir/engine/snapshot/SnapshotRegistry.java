package dev.weir.engine.snapshot;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open snapshots of a store, explicit and implicit (a scan's), so that compaction keeps
 * every version one of them can see and a leak shows in the stats. Lock-free: any thread
 * opens and closes.
 *
 * <p>Why a pin is registered before its sequence is read, and why compaction must be careful
 * with a pin whose sequence is not set yet: compaction reads the visible sequence, then the
 * pins. A pin not registered yet when compaction looks will read a sequence at least the one
 * compaction read, so compaction may ignore it. But a pin that is registered and not yet sealed
 * may have read its sequence before compaction read the visible one, and so need versions
 * below it: compaction cannot know which, so while any pin is unsealed it keeps every version
 * ({@link #pinnedSequences()} returns null). The window is a few instructions wide; the next
 * compaction drops what this one kept. (An earlier version ignored unsealed pins; a stress test
 * then saw a snapshot read an older version of a key than an earlier snapshot had.)
 *
 * <p>Every scan registers a pin, so registering must cost little: a pin takes a slot of a small
 * array with one compare-and-set (each slot on its own cache line, and each thread starts
 * probing at a slot of its own, so two reader threads do not share a line), and closing frees
 * it with one write. Only when the probed slots are all taken, as with many long-lived
 * snapshots, does a pin go to a concurrent set. (A set alone cost a node allocation, a hash and
 * a bin lock per scan.)
 */
public final class SnapshotRegistry {

  private static final int SLOTS = 64;
  private static final int PROBES = 8;
  /** Longs per slot: one slot per 64-byte cache line. */
  private static final int STRIDE = 8;
  private static final long FREE = Long.MIN_VALUE;
  private static final long UNSEALED = -1;

  /** A slot holds FREE, UNSEALED or the sequence its pin reads at. */
  private final AtomicLongArray slots = new AtomicLongArray(SLOTS * STRIDE);
  private final Set<Pin> overflow = ConcurrentHashMap.newKeySet();
  private final LongAdder opened = new LongAdder();

  public SnapshotRegistry() {
    for (int i = 0; i < SLOTS; i++) {
      slots.set(i * STRIDE, FREE);
    }
  }

  /** Registers a pin; the caller then sets its sequence with {@link Pin#seal(long)}. */
  public Pin register(String origin) {
    opened.increment();
    int start = (int) (Thread.currentThread().getId() * 0x9E3779B9L >>> 16);
    for (int p = 0; p < PROBES; p++) {
      int slot = ((start + p) & (SLOTS - 1)) * STRIDE;
      if (slots.get(slot) == FREE && slots.compareAndSet(slot, FREE, UNSEALED)) {
        return new Pin(origin, slot);
      }
    }
    Pin pin = new Pin(origin, -1);
    overflow.add(pin);
    return pin;
  }

  public int openCount() {
    int n = overflow.size();
    for (int i = 0; i < SLOTS; i++) {
      if (slots.get(i * STRIDE) != FREE) {
        n++;
      }
    }
    return n;
  }

  public long openedTotal() {
    return opened.sum();
  }

  /**
   * The lowest sequence any open snapshot reads at, or {@code visibleSeq} when none reads
   * lower. Call with a visible sequence read before this call.
   */
  public long oldestPinned(long visibleSeq) {
    long[] seqs = pinnedSequences();
    if (seqs == null) {
      return 0; // unsealed: it may read below anything we know of
    }
    return seqs.length > 0 ? Math.min(seqs[0], visibleSeq) : visibleSeq;
  }

  /**
   * Every sequence an open snapshot reads at, ascending, for keeping the versions each one
   * sees; {@code null} when some pin has not set its sequence yet (keep everything).
   */
  public long[] pinnedSequences() {
    long[] seqs = new long[SLOTS];
    int n = 0;
    for (int i = 0; i < SLOTS; i++) {
      long s = slots.get(i * STRIDE);
      if (s == UNSEALED) {
        return null;
      }
      if (s != FREE) {
        seqs[n++] = s;
      }
    }
    for (Pin p : overflow) {
      long s = p.seq;
      if (s == UNSEALED) {
        return null;
      }
      if (n == seqs.length) {
        seqs = Arrays.copyOf(seqs, n * 2);
      }
      seqs[n++] = s;
    }
    long[] sorted = Arrays.copyOf(seqs, n);
    Arrays.sort(sorted);
    return sorted;
  }

  /** One open snapshot. Closing is idempotent. */
  public final class Pin {
    private final String origin;
    /** Its slot's index in {@link #slots}, or -1 when it is in {@link #overflow}. */
    private final int slot;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long seq = UNSEALED;

    private Pin(String origin, int slot) {
      this.origin = origin;
      this.slot = slot;
    }

    public void seal(long seq) {
      this.seq = seq;
      if (slot >= 0) {
        slots.set(slot, seq);
      }
    }

    public long seq() {
      return seq;
    }

    public boolean isClosed() {
      return closed.get();
    }

    /** Returns whether this call closed it. */
    public boolean close() {
      if (closed.compareAndSet(false, true)) {
        if (slot >= 0) {
          slots.set(slot, FREE);
        } else {
          overflow.remove(this);
        }
        return true;
      }
      return false;
    }

    @Override
    public String toString() {
      return origin + "@" + seq;
    }
  }
}
