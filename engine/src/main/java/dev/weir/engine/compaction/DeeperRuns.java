package dev.weir.engine.compaction;

import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.KeyOrder;
import dev.weir.engine.run.Run;
import java.util.List;

/**
 * The runs below a compaction's output level, asked whether any of them holds a key.
 *
 * <p>A tombstone is kept through compactions to hide older versions of its key further down;
 * when none of the runs below holds the key, it hides nothing and can go at once, as it would at
 * the bottommost level. Without this check a point delete lived until a compaction happened to
 * reach the bottom: keys written and deleted quickly (an object layer's chunks) piled their
 * tombstones up in level 1, which every level-0 compaction then rewrote whole, until the
 * compactor fell behind and writes stalled. The check is exact (bloom filter, then a search),
 * so a false positive only keeps a tombstone one compaction longer.
 */
final class DeeperRuns {

  /** Per level below the output, its runs: key ranges disjoint and ascending. */
  private final Run[][] levels;

  DeeperRuns(List<List<Run>> levels, int outputLevel) {
    int below = Math.max(0, levels.size() - outputLevel - 1);
    this.levels = new Run[below][];
    for (int l = 0; l < below; l++) {
      this.levels[l] = levels.get(outputLevel + 1 + l).toArray(new Run[0]);
    }
  }

  /** Whether a run below the output level holds a version of {@code key}. */
  boolean hold(byte[] key) {
    long hash = 0;
    boolean hashed = false;
    for (Run[] runs : levels) {
      Run candidate = floor(runs, key);
      if (candidate == null) {
        continue;
      }
      if (!hashed) {
        hash = KeyHash.hash(key);
        hashed = true;
      }
      if (candidate.holds(key, hash)) {
        return true;
      }
    }
    return false;
  }

  /** The last run starting at or below {@code key}, the only one that may hold it. */
  private static Run floor(Run[] runs, byte[] key) {
    int lo = 0;
    int hi = runs.length - 1;
    Run found = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (KeyOrder.compare(runs[mid].smallestKey(), key) <= 0) {
        found = runs[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
