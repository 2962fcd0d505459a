package dev.weir.engine.compaction;

import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import java.util.List;

/**
 * One unit of compaction work, as the picker chose it: sources to merge (newest first) and
 * the level the output goes to. A flush has one memtable and no runs.
 *
 * @param memtables frozen memtables to flush, newest first
 * @param inputs runs to merge, newest first
 * @param outputLevel level of the output runs
 * @param bottommost whether no older data for these keys exists below the output level, so
 *     tombstones that shadow nothing else may be dropped
 * @param move whether the inputs go to the output level as they are, unmerged: they overlap
 *     neither each other nor anything there (LevelDB's trivial move), so a sequential load is
 *     not rewritten level after level
 */
public record CompactionJob(
    List<MemTable> memtables, List<Run> inputs, int outputLevel, boolean bottommost,
    boolean move) {

  /** A job that merges its sources. */
  public CompactionJob(
      List<MemTable> memtables, List<Run> inputs, int outputLevel, boolean bottommost) {
    this(memtables, inputs, outputLevel, bottommost, false);
  }

  public boolean isFlush() {
    return !memtables.isEmpty();
  }
}
