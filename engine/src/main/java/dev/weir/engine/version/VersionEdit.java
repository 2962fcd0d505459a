package dev.weir.engine.version;

import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import java.util.List;

/**
 * A change to the shape of the LSM that the compactor computed and the write loop installs:
 * memtables flushed, runs removed, runs added to a level, range tombstones retired.
 *
 * @param flushed memtables whose contents are now in {@code added} (removed from the frozen list)
 * @param removed runs that were merged into {@code added}, or moved (a run both removed and
 *     added, the same object, changes level and keeps its file)
 * @param added runs to add, with the level they go to
 * @param retiredTombstoneSeqs sequences of range tombstones that now shadow nothing
 */
public record VersionEdit(
    List<MemTable> flushed,
    List<Run> removed,
    List<LeveledRun> added,
    long[] retiredTombstoneSeqs) {

  /** Whether {@code run} is one this edit moves to another level rather than removes. */
  public boolean moves(Run run) {
    for (LeveledRun lr : added) {
      if (lr.run() == run) {
        return true;
      }
    }
    return false;
  }

  /** A run and the level it belongs to. */
  public record LeveledRun(int level, Run run) {}
}
