package dev.weir.engine.snapshot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
public final class SnapshotRegistry {

  private final Set<Pin> open = ConcurrentHashMap.newKeySet();
  private final LongAdder opened = new LongAdder();

  /** Registers a pin; the caller then sets its sequence with {@link Pin#seal(long)}. */
  public Pin register(String origin) {
    Pin pin = new Pin(origin);
    open.add(pin);
    opened.increment();
    return pin;
  }

  public int openCount() {
    return open.size();
  }

  public long openedTotal() {
    return opened.sum();
  }

  /**
   * The lowest sequence any open snapshot reads at, or {@code visibleSeq} when none reads
   * lower. Call with a visible sequence read before this call.
   */
  public long oldestPinned(long visibleSeq) {
    long oldest = visibleSeq;
    for (Pin p : open) {
      long s = p.seq;
      if (s < 0) {
        return 0; // unsealed: it may read below anything we know of
      }
      if (s < oldest) {
        oldest = s;
      }
    }
    return oldest;
  }

  /**
   * Every sequence an open snapshot reads at, ascending, for keeping the versions each one
   * sees; {@code null} when some pin has not set its sequence yet (keep everything).
   */
  public long[] pinnedSequences() {
    long[] seqs = open.stream().mapToLong(p -> p.seq).sorted().toArray();
    return seqs.length > 0 && seqs[0] < 0 ? null : seqs;
  }

  /** One open snapshot. Closing is idempotent. */
  public final class Pin {
    private final String origin;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long seq = -1;

    private Pin(String origin) {
      this.origin = origin;
    }

    public void seal(long seq) {
      this.seq = seq;
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
        open.remove(this);
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
