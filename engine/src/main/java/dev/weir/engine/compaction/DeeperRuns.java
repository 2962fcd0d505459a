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
  /** Per level below the output, its runs' smallest keys. */
  private final byte[][][] smallest;

  DeeperRuns(List<List<Run>> levels, int outputLevel) {
    int below = Math.max(0, levels.size() - outputLevel - 1);
    this.levels = new Run[below][];
    this.smallest = new byte[below][][];
    for (int l = 0; l < below; l++) {
      Run[] runs = levels.get(outputLevel + 1 + l).toArray(new Run[0]);
      this.levels[l] = runs;
      smallest[l] = new byte[runs.length][];
      for (int i = 0; i < runs.length; i++) {
        smallest[l][i] = runs[i].smallestKey();
      }
    }
  }

  /** Whether a run below the output level holds a version of {@code key}. */
  boolean hold(byte[] key) {
    long hash = 0;
    boolean hashed = false;
    for (int l = 0; l < levels.length; l++) {
      int i = KeyOrder.floor(smallest[l], key); // the one run of the level that may hold it
      if (i < 0) {
        continue;
      }
      Run candidate = levels[l][i];
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
}
