package dev.weir.engine.run;

import dev.weir.engine.Bytes;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;

/**
 * A position among the distinct keys of runs whose key ranges are disjoint and ascending (a
 * whole level, or one run), within {@code [from, to)}, moving up or down. It walks one run at a
 * time and steps into the next when that one ends, so a merge holds one cursor per level rather
 * than one per run: what makes a short scan of a deep store cheap. It rests on the newest
 * version of its key, so resolving walks forward through that key's older versions only.
 *
 * <p>One class serves single runs and levels alike so that a merge's calls on its sources see
 * two receiver types (this and the memtable's cursor) and the JIT inlines both; a separate
 * level cursor wrapping run cursors made those calls megamorphic and a scan step twice as slow.
 *
 * <p>The key is read only when asked for: a merge with one source left compares nothing, and a
 * scan hands its consumer a range of the run's key block ({@link #keyBytes()}), so stepping
 * neither copies a key nor reads its bytes (a fifth of a short scan's time went to that).
 * Used by one reader thread.
 */
public final class RunCursor implements SourceCursor {

  private final Run[] runs;
  private final byte[] from;
  private final byte[] to;
  private final boolean reverse;
  private int r;
  /** {@code runs[r]}, or null once the cursor has passed its last key. */
  private Run run;
  private int index;
  /** A copy of the current key, made when first asked for; null until then. */
  private byte[] key;
  /** Entries from here on (down from here, reversed) have not been touched ahead yet. */
  private int touched;
  /** Keeps the touched values alive so the loads stay. */
  private int touchSink;
  /**
   * Whether stepping compares keys with the range's far end, and so reads them: only then are
   * key bytes touched ahead. A scan to the end of the store hands keys out unread.
   */
  private final boolean readsKeys;

  /**
   * Entries touched ahead of the cursor ({@link Run#touch}): a scan starts at a random place in
   * three arrays, and left alone its first dozens of misses come one at a time; touched ahead,
   * a short scan ran a fifth faster.
   */
  private static final int AHEAD = 32;

  /**
   * A cursor over {@code runs} starting in {@code runs[first]}: the run that may hold {@code
   * from} (or, reversed, the last run that may hold keys below {@code to}).
   */
  public static RunCursor over(Run[] runs, int first, byte[] from, byte[] to, boolean reverse) {
    return new RunCursor(runs, first, from, to, reverse);
  }

  private RunCursor(Run[] runs, int first, byte[] from, byte[] to, boolean reverse) {
    this.runs = runs;
    this.from = from;
    this.to = to;
    this.reverse = reverse;
    this.readsKeys = reverse ? from != null : to != null;
    this.r = first;
    if (first < 0 || first >= runs.length) {
      return;
    }
    run = runs[first];
    if (!reverse) {
      index = from == null ? 0 : run.lowerBound(from);
    } else {
      int end = to == null ? run.size() : run.lowerBound(to);
      index = end == 0 ? -1 : run.previousKey(end);
    }
    settle();
    if (run != null) {
      touched = reverse ? index + 1 : index;
      touchAhead();
    }
  }

  @Override
  public boolean valid() {
    return run != null;
  }

  @Override
  public byte[] key() {
    byte[] k = key;
    if (k == null && run != null) {
      k = key = run.keyAt(index);
    }
    return k;
  }

  @Override
  public Bytes keyBytes() {
    return key != null ? Bytes.wrap(key) : run.keyView(index);
  }

  @Override
  public void next() {
    index = reverse ? run.previousKey(index) : run.nextKey(index);
    settle();
    if (run != null && (reverse ? index < touched + AHEAD : index + AHEAD > touched)) {
      touchAhead();
    }
  }

  private void touchAhead() {
    if (reverse) {
      int from = Math.max(0, Math.min(touched, index + 1) - AHEAD);
      touchSink += run.touch(from, Math.min(touched, index + 1) - from, readsKeys);
      touched = from;
    } else {
      int from = Math.max(touched, index);
      touchSink += run.touch(from, AHEAD, readsKeys);
      touched = from + AHEAD;
    }
  }

  @Override
  public boolean resolve(long maxSeq, VersionRef out) {
    Run at = run;
    int end = at.nextKey(index);
    for (int i = index; i < end; i++) {
      if (at.seqAt(i) <= maxSeq) {
        at.load(i, out);
        return true;
      }
    }
    return false;
  }

  @Override
  public void versions(VersionSink sink) {
    Run at = run;
    int end = at.nextKey(index);
    for (int i = index; i < end; i++) {
      sink.accept(at.seqAt(i), at.kindAt(i), at.valueAt(i), at.expireAt(i));
    }
  }

  /**
   * Loads the key at {@code index}, stepping into the following runs while the current one is
   * used up; a key past the range's far end ends the cursor (later runs lie further still).
   */
  private void settle() {
    while (true) {
      if (index >= 0 && index < run.size()) {
        boolean inside =
            reverse
                ? from == null || run.compareAt(index, from) >= 0
                : to == null || run.compareAt(index, to) < 0;
        key = null;
        if (!inside) {
          run = null;
        }
        return;
      }
      r += reverse ? -1 : 1;
      if (r < 0 || r >= runs.length) {
        run = null;
        key = null;
        return;
      }
      run = runs[r];
      // runs are disjoint and ascending: a later run starts inside the range's near end
      index = reverse ? run.previousKey(run.size()) : 0;
      touched = reverse ? run.size() : 0;
    }
  }
}
