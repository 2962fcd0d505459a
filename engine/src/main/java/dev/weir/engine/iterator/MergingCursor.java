package dev.weir.engine.iterator;

import dev.weir.engine.Bytes;
import dev.weir.engine.key.KeyOrder;

/**
 * Merges the cursors of a Version's sources into one stream of distinct keys. For each key
 * the newest source holding a version at or below the read sequence decides, which is why
 * cursors are kept in source order (newest first).
 *
 * <p>A Version has a handful of sources, so the smallest key is found by a linear pass rather
 * than a heap. The pass also remembers which cursors sit on that key (so moving on and
 * resolving need no further comparisons) and the smallest key among the others, the
 * <em>bound</em>. In a settled store one deep level holds most keys, so the cursor that led
 * usually leads again: while its next key sorts before the bound, a step costs one comparison
 * instead of a pass over every source.
 */
public final class MergingCursor {

  private final SourceCursor[] cursors;
  private final boolean reverse;
  /** Which cursors sit on the current key; newest first like {@link #cursors}. */
  private final boolean[] atKey;
  /** The newest cursor on the current key, or -1 when the merge is exhausted. */
  private int lead = -1;
  /** Whether a cursor other than {@link #lead} sits on the current key. */
  private boolean tied;
  /** The cursor with the smallest key after the current one, or -1 when there is none. */
  private int bound = -1;

  public MergingCursor(SourceCursor[] newestFirst, boolean reverse) {
    this.cursors = newestFirst;
    this.reverse = reverse;
    this.atKey = new boolean[newestFirst.length];
    pick();
  }

  public boolean valid() {
    return lead >= 0;
  }

  /** The current key, for comparisons; must not be changed. */
  public byte[] key() {
    return cursors[lead].key();
  }

  /** The current key as a reader is handed it ({@link SourceCursor#keyBytes()}). */
  public Bytes keyBytes() {
    return cursors[lead].keyBytes();
  }

  public void next() {
    if (!tied) {
      SourceCursor c = cursors[lead];
      c.next();
      if (c.valid() && (bound < 0 || before(c.key(), cursors[bound].key()))) {
        return; // still strictly first: the bound and the ties stay as they are
      }
      atKey[lead] = false;
    } else {
      for (int i = 0; i < cursors.length; i++) {
        if (atKey[i]) {
          cursors[i].next();
          atKey[i] = false;
        }
      }
    }
    pick();
  }

  /** The newest version of the current key at or below {@code maxSeq}, from any source. */
  public boolean resolve(long maxSeq, VersionRef out) {
    if (!tied) {
      return cursors[lead].resolve(maxSeq, out);
    }
    for (int i = lead; i < cursors.length; i++) {
      if (atKey[i] && cursors[i].resolve(maxSeq, out)) {
        return true;
      }
    }
    return false;
  }

  /** Every retained version of the current key, newest first across sources. */
  public void versions(SourceCursor.VersionSink sink) {
    for (int i = lead; i < cursors.length; i++) {
      if (atKey[i]) {
        cursors[i].versions(sink);
      }
    }
  }

  private boolean before(byte[] a, byte[] b) {
    int cmp = KeyOrder.compare(a, b);
    return reverse ? cmp > 0 : cmp < 0;
  }

  /**
   * Finds the first key, the cursors on it and the bound; every {@link #atKey} is false. A
   * lone valid cursor's key is never read: that is the settled store's long scan.
   */
  private void pick() {
    int first = -1;
    int runnerUp = -1;
    boolean ties = false;
    byte[] best = null;
    for (int i = 0; i < cursors.length; i++) {
      SourceCursor c = cursors[i];
      if (!c.valid()) {
        continue;
      }
      if (first < 0) {
        first = i;
        atKey[i] = true;
        continue;
      }
      if (best == null) {
        best = cursors[first].key();
      }
      byte[] k = c.key();
      int cmp = KeyOrder.compare(k, best);
      if (reverse) {
        cmp = -cmp;
      }
      if (cmp == 0) {
        atKey[i] = true;
        ties = true;
      } else if (cmp < 0) {
        for (int j = first; j < i; j++) {
          atKey[j] = false;
        }
        runnerUp = first; // the old first key is now the smallest after the new one
        first = i;
        best = k;
        atKey[i] = true;
        ties = false;
      } else if (runnerUp < 0 || before(k, cursors[runnerUp].key())) {
        runnerUp = i;
      }
    }
    lead = first;
    tied = ties;
    bound = runnerUp;
  }
}
