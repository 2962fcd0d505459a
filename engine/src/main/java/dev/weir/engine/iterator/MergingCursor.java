package dev.weir.engine.iterator;

import dev.weir.engine.key.KeyOrder;

/**
 * Merges the cursors of a Version's sources into one stream of distinct keys. For each key
 * the newest source holding a version at or below the read sequence decides, which is why
 * cursors are kept in source order (newest first). A Version has a handful of sources, so
 * the smallest key is found by a linear pass rather than a heap.
 */
public final class MergingCursor {

  private final SourceCursor[] cursors;
  private final boolean reverse;
  private byte[] key;

  public MergingCursor(SourceCursor[] newestFirst, boolean reverse) {
    this.cursors = newestFirst;
    this.reverse = reverse;
    pick();
  }

  public boolean valid() {
    return key != null;
  }

  public byte[] key() {
    return key;
  }

  public void next() {
    byte[] current = key;
    for (SourceCursor c : cursors) {
      if (c.valid() && KeyOrder.compare(c.key(), current) == 0) {
        c.next();
      }
    }
    pick();
  }

  /** The newest version of the current key at or below {@code maxSeq}, from any source. */
  public boolean resolve(long maxSeq, VersionRef out) {
    for (SourceCursor c : cursors) {
      if (c.valid() && KeyOrder.compare(c.key(), key) == 0 && c.resolve(maxSeq, out)) {
        return true;
      }
    }
    return false;
  }

  /** Every retained version of the current key, newest first across sources. */
  public void versions(SourceCursor.VersionSink sink) {
    for (SourceCursor c : cursors) {
      if (c.valid() && KeyOrder.compare(c.key(), key) == 0) {
        c.versions(sink);
      }
    }
  }

  private void pick() {
    byte[] best = null;
    for (SourceCursor c : cursors) {
      if (c.valid()) {
        byte[] k = c.key();
        if (best == null) {
          best = k;
        } else {
          int cmp = KeyOrder.compare(k, best);
          if (reverse ? cmp > 0 : cmp < 0) {
            best = k;
          }
        }
      }
    }
    key = best;
  }
}
