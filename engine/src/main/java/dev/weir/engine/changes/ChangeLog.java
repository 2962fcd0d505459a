package dev.weir.engine.changes;

import dev.weir.engine.ChangeEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The recent committed changes, one per sequence number, in a ring: the bounded buffer every
 * change stream reads from, and what lets a stream resume from a past sequence.
 *
 * <p>Every sequence number the write loop gives out is one change (a put, a delete, a range
 * delete, an expiry), so the event of sequence {@code s} lives in slot {@code s & mask}. The
 * write loop appends (one writer); readers check that the slot still holds their sequence, so a
 * reader that fell a whole ring behind finds out instead of reading a newer event. The ring is
 * bounded by count and by the bytes of the keys and values it pins; {@link #floor()} is the
 * oldest sequence still held.
 *
 * <p>Appending is called only by the write loop; {@link #signalWatchers()} is called after the
 * group is published and the writer role released, never while it is held.
 */
public final class ChangeLog {

  private final AtomicReferenceArray<ChangeEvent> ring;
  private final long[] sizes;
  private final int mask;
  private final long maxBytes;
  private final Set<Runnable> watchers = ConcurrentHashMap.newKeySet();
  private long bytes; // write loop only
  private volatile long floor = 1;

  /** A ring of at least {@code capacity} events (rounded to a power of two) and maxBytes. */
  public ChangeLog(int capacity, long maxBytes) {
    int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
    this.ring = new AtomicReferenceArray<>(size);
    this.sizes = new long[size];
    this.mask = size - 1;
    this.maxBytes = maxBytes;
  }

  /** Called only by the write loop, for every sequence in order. */
  public void append(ChangeEvent e) {
    long seq = e.sequence();
    int slot = (int) (seq & mask);
    long size = 64L + e.key().length() + (e.value() == null ? 0 : e.value().length());
    long f = floor;
    if (ring.get(slot) != null) {
      bytes -= sizes[slot]; // the slot's old event leaves the ring
      f = Math.max(f, ring.get(slot).sequence() + 1);
    }
    ring.set(slot, e);
    sizes[slot] = size;
    bytes += size;
    while (bytes > maxBytes && f < seq) {
      int old = (int) (f & mask);
      ChangeEvent gone = ring.get(old);
      if (gone != null && gone.sequence() == f) {
        bytes -= sizes[old];
        sizes[old] = 0;
        ring.set(old, null);
      }
      f++;
    }
    floor = f;
  }

  /** The oldest sequence still held. */
  public long floor() {
    return floor;
  }

  /** The event of {@code seq}, or {@code null} when the ring no longer holds it. */
  public ChangeEvent get(long seq) {
    if (seq < floor) {
      return null;
    }
    ChangeEvent e = ring.get((int) (seq & mask));
    return e != null && e.sequence() == seq ? e : null;
  }

  public void addWatcher(Runnable signal) {
    watchers.add(signal);
  }

  public void removeWatcher(Runnable signal) {
    watchers.remove(signal);
  }

  public int watcherCount() {
    return watchers.size();
  }

  /** Tells every watcher that new changes may be visible; never called with the role held. */
  public void signalWatchers() {
    for (Runnable w : watchers) {
      w.run();
    }
  }
}
