package dev.weir.engine.version;

import dev.weir.engine.iterator.KeySource;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.KeyOrder;
import dev.weir.engine.key.RangeTombstones;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The immutable read root of the store: the visible sequence, the active memtable, frozen
 * memtables waiting for their runs, the runs of every level and the range tombstones.
 *
 * <p>Readers take it with one volatile read ({@link VersionHolder#current()}) and never lock:
 * nothing reachable from a Version changes in a way a reader at its visible sequence could
 * observe (the active memtable only gains versions above it). The write loop publishes a new
 * Version once per group, which is how a whole group, and so a whole batch, becomes visible at
 * once. Publishing costs one small allocation per group, not per write.
 */
public final class Version {

  private final long visibleSeq;
  private final MemTable active;
  private final List<MemTable> frozen;
  private final List<List<Run>> levels;
  private final RangeTombstones tombstones;
  private final KeySource[] sources;
  /** Memtables and level-0 runs, newest first: each may hold any key. */
  private final KeySource[] overlapping;
  /** Per level from 1: runs with disjoint ranges, sorted, and their smallest keys. */
  private final Run[][] disjoint;
  private final byte[][][] disjointSmallest;

  public Version(
      long visibleSeq,
      MemTable active,
      List<MemTable> frozenNewestFirst,
      List<List<Run>> levels,
      RangeTombstones tombstones) {
    this.visibleSeq = visibleSeq;
    this.active = active;
    this.frozen = List.copyOf(frozenNewestFirst);
    this.levels = copyLevels(levels);
    this.tombstones = tombstones;
    this.sources = sourcesOf(active, this.frozen, this.levels);
    List<KeySource> mayOverlap = new ArrayList<>();
    mayOverlap.add(active);
    mayOverlap.addAll(this.frozen);
    if (!this.levels.isEmpty()) {
      mayOverlap.addAll(this.levels.get(0));
    }
    this.overlapping = mayOverlap.toArray(new KeySource[0]);
    int deeper = Math.max(0, this.levels.size() - 1);
    this.disjoint = new Run[deeper][];
    this.disjointSmallest = new byte[deeper][][];
    for (int l = 0; l < deeper; l++) {
      List<Run> level = this.levels.get(l + 1);
      disjoint[l] = level.toArray(new Run[0]);
      disjointSmallest[l] = new byte[level.size()][];
      for (int i = 0; i < level.size(); i++) {
        disjointSmallest[l][i] = level.get(i).smallestKey();
      }
    }
  }

  private Version(Version base, long visibleSeq, RangeTombstones tombstones) {
    this.visibleSeq = visibleSeq;
    this.active = base.active;
    this.frozen = base.frozen;
    this.levels = base.levels;
    this.tombstones = tombstones;
    this.sources = base.sources;
    this.overlapping = base.overlapping;
    this.disjoint = base.disjoint;
    this.disjointSmallest = base.disjointSmallest;
  }

  /** A new shape (after a rotation or an edit) at the same visible sequence. */
  public Version reshaped(
      MemTable active, List<MemTable> frozenNewestFirst, List<List<Run>> levels,
      RangeTombstones tombstones) {
    return new Version(visibleSeq, active, frozenNewestFirst, levels, tombstones);
  }

  public static Version empty(MemTable active) {
    return new Version(0, active, List.of(), List.of(), RangeTombstones.EMPTY);
  }

  /** The same sources, visible up to {@code seq}: what the write loop publishes per group. */
  public Version withVisibleSeq(long seq, RangeTombstones tombstones) {
    return new Version(this, seq, tombstones);
  }

  public long visibleSeq() {
    return visibleSeq;
  }

  public MemTable active() {
    return active;
  }

  public List<MemTable> frozen() {
    return frozen;
  }

  public List<List<Run>> levels() {
    return levels;
  }

  public RangeTombstones tombstones() {
    return tombstones;
  }

  /** Memtables then runs, newest first: the order a reader consults them in. */
  public KeySource[] sources() {
    return sources;
  }

  /**
   * Finds the newest version of {@code key} at or below {@code readSeq} into {@code out} and
   * says whether it is a live value: not a tombstone, not under a newer range tombstone, not
   * expired at {@code now}.
   */
  public boolean findLive(byte[] key, long readSeq, long now, VersionRef out) {
    return find(key, readSeq, out)
        && out.kind == ValueKind.PUT
        && (out.expireAt == 0 || out.expireAt > now)
        && !hiddenByTombstone(key, out.seq, readSeq);
  }

  /** As {@link #findLive(byte[], long, long, VersionRef)}, reading the clock only if needed. */
  public boolean findLive(byte[] key, long readSeq, LongSupplier clock, VersionRef out) {
    return find(key, readSeq, out)
        && out.kind == ValueKind.PUT
        && (out.expireAt == 0 || out.expireAt > clock.getAsLong())
        && !hiddenByTombstone(key, out.seq, readSeq);
  }

  /**
   * The newest version of {@code key} at or below {@code readSeq}, from the newest source that
   * has one. Memtables and level-0 runs are asked in turn; on each deeper level a binary search
   * over the runs' smallest keys picks the one run that may hold the key, so a lookup touches
   * one run per level instead of checking every run's bounds.
   */
  public boolean find(byte[] key, long readSeq, VersionRef out) {
    long hash = KeyHash.hash(key);
    for (KeySource s : overlapping) {
      if (s.find(key, hash, readSeq, out)) {
        return true;
      }
    }
    for (int l = 0; l < disjoint.length; l++) {
      int i = KeyOrder.floor(disjointSmallest[l], key);
      if (i >= 0 && disjoint[l][i].find(key, hash, readSeq, out)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cursors for a scan of {@code [from, to)}: one per memtable and level-0 run, and one per
   * deeper level, which walks that level's disjoint runs in order.
   */
  public SourceCursor[] cursors(byte[] from, byte[] to, boolean reverse) {
    SourceCursor[] out = new SourceCursor[overlapping.length + disjoint.length];
    int n = 0;
    for (KeySource s : overlapping) {
      out[n++] = s.cursor(from, to, reverse);
    }
    for (int l = 0; l < disjoint.length; l++) {
      Run[] runs = disjoint[l];
      if (runs.length == 0) {
        continue;
      }
      int first;
      if (!reverse) {
        first = from == null ? 0 : Math.max(0, KeyOrder.floor(disjointSmallest[l], from));
      } else if (to == null) {
        first = runs.length - 1;
      } else {
        first = KeyOrder.floor(disjointSmallest[l], to);
        if (first >= 0 && KeyOrder.compare(disjointSmallest[l][first], to) == 0) {
          first--; // that run starts at the exclusive end: nothing in it is in range
        }
      }
      if (first < 0) {
        continue;
      }
      out[n++] = RunCursor.over(runs, first, from, to, reverse);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Whether a range tombstone hides the version of {@code key} at {@code versionSeq}. */
  public boolean hiddenByTombstone(byte[] key, long versionSeq, long readSeq) {
    return tombstones.hides(key, versionSeq, readSeq);
  }

  private static List<List<Run>> copyLevels(List<List<Run>> levels) {
    List<List<Run>> copy = new ArrayList<>(levels.size());
    for (List<Run> level : levels) {
      copy.add(List.copyOf(level));
    }
    return List.copyOf(copy);
  }

  private static KeySource[] sourcesOf(
      MemTable active, List<MemTable> frozen, List<List<Run>> levels) {
    List<KeySource> all = new ArrayList<>();
    all.add(active);
    all.addAll(frozen);
    for (List<Run> level : levels) {
      all.addAll(level);
    }
    return all.toArray(new KeySource[0]);
  }

  @Override
  public String toString() {
    return "Version{seq=" + visibleSeq + ", frozen=" + frozen.size() + ", levels="
        + levels.stream().map(List::size).toList() + ", tombstones="
        + tombstones + "}";
  }
}
