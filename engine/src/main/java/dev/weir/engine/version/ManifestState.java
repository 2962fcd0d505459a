package dev.weir.engine.version;

import dev.weir.engine.key.RangeTombstone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The store's shape as the manifest describes it: which run files make up each level, the
 * next file number, the last sequence the runs hold, and the live range tombstones. Immutable;
 * {@link #apply} gives the state after one more record.
 *
 * <p>Files in a level are kept in file number order, which makes two states built the same
 * way equal; the loader orders the loaded runs as a {@link Version} wants them (level 0
 * newest first, deeper levels by key).
 */
public record ManifestState(
    List<List<RunFile>> levels,
    long nextFileNumber,
    long lastFlushedSeq,
    List<RangeTombstone> tombstones) {

  /** A new store's: no runs, file numbers from 1, nothing flushed. */
  public static final ManifestState EMPTY = new ManifestState(List.of(), 1, 0, List.of());

  private static final Comparator<RunFile> BY_FILE = Comparator.comparingLong(RunFile::fileId);

  public ManifestState {
    List<List<RunFile>> copy = new ArrayList<>();
    for (List<RunFile> level : levels) {
      copy.add(List.copyOf(level));
    }
    levels = List.copyOf(copy);
    tombstones = List.copyOf(tombstones);
  }

  /**
   * The state after {@code record}: a snapshot replaces this state, an edit changes it. An edit
   * that does not fit (it removes a file that is not live, adds one that is, or retires a
   * tombstone that is not live) throws {@link IllegalArgumentException}: the manifest's reader
   * calls that corruption, its writer a caller's bug.
   */
  public ManifestState apply(ManifestRecord record) {
    ManifestState base = record.snapshot() ? EMPTY : this;
    List<List<RunFile>> next = new ArrayList<>();
    for (List<RunFile> level : base.levels) {
      next.add(new ArrayList<>(level));
    }
    Set<Long> live = base.fileIds();
    for (long id : record.removed()) {
      if (!live.remove(id)) {
        throw new IllegalArgumentException("removes file " + id + ", which is not live");
      }
      for (List<RunFile> level : next) {
        level.removeIf(f -> f.fileId() == id);
      }
    }
    for (RunFile f : record.added()) {
      if (!live.add(f.fileId())) {
        throw new IllegalArgumentException("adds file " + f.fileId() + ", which is live");
      }
      while (next.size() <= f.level()) {
        next.add(new ArrayList<>());
      }
      next.get(f.level()).add(f);
    }
    for (List<RunFile> level : next) {
      level.sort(BY_FILE);
    }
    while (!next.isEmpty() && next.get(next.size() - 1).isEmpty()) {
      next.remove(next.size() - 1);
    }
    List<RangeTombstone> tombs = new ArrayList<>(base.tombstones);
    for (long seq : record.tombstonesRetired()) {
      if (!tombs.removeIf(t -> t.seq() == seq)) {
        throw new IllegalArgumentException("retires the tombstone of sequence " + seq
            + ", which is not live");
      }
    }
    tombs.addAll(record.tombstonesAdded());
    long nextFile = record.nextFileNumber() == ManifestRecord.UNCHANGED
        ? base.nextFileNumber : record.nextFileNumber();
    for (long id : live) {
      if (id >= nextFile) {
        throw new IllegalArgumentException("file " + id + " is at or past the next file number "
            + nextFile);
      }
    }
    long flushed = record.lastFlushedSeq() == ManifestRecord.UNCHANGED
        ? base.lastFlushedSeq : record.lastFlushedSeq();
    return new ManifestState(next, nextFile, flushed, tombs);
  }

  /** This state as one record, which a new manifest starts with. */
  public ManifestRecord snapshot() {
    List<RunFile> all = new ArrayList<>();
    levels.forEach(all::addAll);
    return new ManifestRecord(true, nextFileNumber, lastFlushedSeq, all, List.of(), tombstones,
        List.of());
  }

  /** The same state with {@code n} as the next file number. */
  public ManifestState withNextFileNumber(long n) {
    return new ManifestState(levels, n, lastFlushedSeq, tombstones);
  }

  /** The file numbers of every live run file. */
  public Set<Long> fileIds() {
    Set<Long> ids = new HashSet<>();
    for (List<RunFile> level : levels) {
      for (RunFile f : level) {
        ids.add(f.fileId());
      }
    }
    return ids;
  }
}
