package dev.weir.engine.version;

import dev.weir.engine.iterator.KeySource;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
  private final RangeTombstone[] tombstones;
  private final KeySource[] sources;

  public Version(
      long visibleSeq,
      MemTable active,
      List<MemTable> frozenNewestFirst,
      List<List<Run>> levels,
      RangeTombstone[] tombstones) {
    this.visibleSeq = visibleSeq;
    this.active = active;
    this.frozen = List.copyOf(frozenNewestFirst);
    this.levels = copyLevels(levels);
    this.tombstones = tombstones;
    this.sources = sourcesOf(active, this.frozen, this.levels);
  }

  private Version(Version base, long visibleSeq, RangeTombstone[] tombstones) {
    this.visibleSeq = visibleSeq;
    this.active = base.active;
    this.frozen = base.frozen;
    this.levels = base.levels;
    this.tombstones = tombstones;
    this.sources = base.sources;
  }

  /** A new shape (after a rotation or an edit) at the same visible sequence. */
  public Version reshaped(
      MemTable active, List<MemTable> frozenNewestFirst, List<List<Run>> levels,
      RangeTombstone[] tombstones) {
    return new Version(visibleSeq, active, frozenNewestFirst, levels, tombstones);
  }

  public static Version empty(MemTable active) {
    return new Version(0, active, List.of(), List.of(), new RangeTombstone[0]);
  }

  /** The same sources, visible up to {@code seq}: what the write loop publishes per group. */
  public Version withVisibleSeq(long seq, RangeTombstone[] tombstones) {
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

  public RangeTombstone[] tombstones() {
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
    long hash = KeyHash.hash(key);
    for (KeySource s : sources) {
      if (s.find(key, hash, readSeq, out)) {
        return out.kind == ValueKind.PUT
            && (out.expireAt == 0 || out.expireAt > now)
            && !hiddenByTombstone(key, out.seq, readSeq);
      }
    }
    return false;
  }

  /** Whether a range tombstone hides the version of {@code key} at {@code versionSeq}. */
  public boolean hiddenByTombstone(byte[] key, long versionSeq, long readSeq) {
    for (RangeTombstone t : tombstones) {
      if (t.hides(key, versionSeq, readSeq)) {
        return true;
      }
    }
    return false;
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
        + Arrays.toString(tombstones) + "}";
  }
}
