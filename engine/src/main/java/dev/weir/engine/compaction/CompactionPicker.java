package dev.weir.engine.compaction;

import dev.weir.engine.key.KeyOrder;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.version.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the next compaction from a {@link Version} alone: a pure function, tested with LSM
 * shapes in and picks out (as Pebble's compaction picker is).
 *
 * <p>Priorities, most urgent first: flush the oldest frozen memtable (it holds memory and
 * blocks writes soonest); merge level 0 into level 1 once it has {@code level0Trigger} runs
 * (level-0 runs overlap, so each one costs every lookup a bloom probe); then push the first
 * level over its target size one run down, merging with the runs it overlaps below.
 *
 * <p>Runs that overlap nothing where they go are moved, not merged (LevelDB's trivial move): a
 * sequential load flushes disjoint runs, and rewriting each of them level after level would
 * spend the compactor's core copying bytes that need no merge. A run holding tombstones, older
 * versions or expiries is merged as before, so dead entries never ride down unmerged.
 */
public final class CompactionPicker {

  private final int level0Trigger;
  private final long level1Bytes;
  private final int multiplier;

  public CompactionPicker(int level0Trigger, long level1Bytes, int multiplier) {
    this.level0Trigger = level0Trigger;
    this.level1Bytes = level1Bytes;
    this.multiplier = multiplier;
  }

  /** The next job, or {@code null} when the shape needs nothing. */
  public CompactionJob pick(Version v) {
    List<MemTable> frozen = v.frozen();
    if (!frozen.isEmpty()) {
      MemTable oldest = frozen.get(frozen.size() - 1);
      return new CompactionJob(List.of(oldest), List.of(), 0, false);
    }
    List<List<Run>> levels = v.levels();
    if (!levels.isEmpty() && levels.get(0).size() >= level0Trigger) {
      List<Run> level0 = levels.get(0);
      if (movable(level0, levels, 1)) {
        return new CompactionJob(List.of(), List.copyOf(level0), 1, false, true);
      }
      List<Run> inputs = new ArrayList<>(level0);
      byte[][] span = span(inputs);
      if (levels.size() > 1) {
        inputs.addAll(overlapping(levels.get(1), span[0], span[1]));
      }
      // the runs taken from level 1 may reach past level 0's span: check below all of it
      return new CompactionJob(List.of(), inputs, 1, isBottom(levels, 1, span(inputs)));
    }
    long target = level1Bytes;
    for (int level = 1; level < levels.size(); level++, target *= multiplier) {
      List<Run> runs = levels.get(level);
      if (bytes(runs) > target && !runs.isEmpty()) {
        Run victim = runs.get(0);
        for (Run r : runs) {
          if (r.heapBytes() > victim.heapBytes()) {
            victim = r;
          }
        }
        if (movable(List.of(victim), levels, level + 1)) {
          return new CompactionJob(List.of(), List.of(victim), level + 1, false, true);
        }
        List<Run> inputs = new ArrayList<>();
        inputs.add(victim);
        byte[][] span = span(inputs);
        if (level + 1 < levels.size()) {
          inputs.addAll(overlapping(levels.get(level + 1), span[0], span[1]));
        }
        return new CompactionJob(
            List.of(), inputs, level + 1, isBottom(levels, level + 1, span(inputs)));
      }
    }
    return null;
  }

  /**
   * A manual full compaction (RocksDB's CompactRange over everything): every run of every level
   * merged into the deepest level, where nothing older lies below, so every tombstone that
   * shadows nothing and every dead version goes. Null when there are no runs.
   */
  public CompactionJob pickFull(Version v) {
    List<Run> inputs = new ArrayList<>();
    for (List<Run> level : v.levels()) {
      inputs.addAll(level);
    }
    if (inputs.isEmpty()) {
      return null;
    }
    return new CompactionJob(List.of(), inputs, Math.max(1, v.levels().size() - 1), true);
  }

  /**
   * Whether {@code runs} hold nothing a merge would drop and overlap neither each other nor any
   * run of level {@code to}.
   */
  private static boolean movable(List<Run> runs, List<List<Run>> levels, int to) {
    List<Run> below = to < levels.size() ? levels.get(to) : List.of();
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      if (r.size() == 0 || !r.mergeDropsNothing() || !overlapping(below, r.smallestKey(), r.largestKey()).isEmpty()
          || !overlapping(runs.subList(i + 1, runs.size()), r.smallestKey(), r.largestKey())
              .isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBottom(List<List<Run>> levels, int outputLevel, byte[][] span) {
    for (int level = outputLevel + 1; level < levels.size(); level++) {
      if (!overlapping(levels.get(level), span[0], span[1]).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static List<Run> overlapping(List<Run> runs, byte[] smallest, byte[] largest) {
    List<Run> out = new ArrayList<>();
    for (Run r : runs) {
      if (r.size() > 0
          && KeyOrder.compare(r.smallestKey(), largest) <= 0
          && KeyOrder.compare(r.largestKey(), smallest) >= 0) {
        out.add(r);
      }
    }
    return out;
  }

  private static byte[][] span(List<Run> runs) {
    byte[] lo = null;
    byte[] hi = null;
    for (Run r : runs) {
      if (r.size() == 0) {
        continue;
      }
      if (lo == null || KeyOrder.compare(r.smallestKey(), lo) < 0) {
        lo = r.smallestKey();
      }
      if (hi == null || KeyOrder.compare(r.largestKey(), hi) > 0) {
        hi = r.largestKey();
      }
    }
    return new byte[][] {lo == null ? new byte[0] : lo, hi == null ? new byte[0] : hi};
  }

  private static long bytes(List<Run> runs) {
    long total = 0;
    for (Run r : runs) {
      total += r.heapBytes();
    }
    return total;
  }
}
