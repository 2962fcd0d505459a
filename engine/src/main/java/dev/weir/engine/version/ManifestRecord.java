package dev.weir.engine.version;

import dev.weir.engine.key.RangeTombstone;
import java.util.List;

/**
 * One record of the manifest: a version edit (LevelDB's {@code VersionEdit} as it is logged),
 * or a snapshot of the whole state, which a new manifest starts with. Applying records in
 * order to the empty state, a snapshot resetting it, gives the store's shape:
 * {@link ManifestState#apply}.
 *
 * @param snapshot whether this is the full state rather than a change to it
 * @param nextFileNumber the next file number to hand out, or {@link #UNCHANGED}
 * @param lastFlushedSeq every sequence up to this one is in the runs, or {@link #UNCHANGED}
 * @param added run files added to their levels
 * @param removed file numbers of run files removed (merged into {@code added})
 * @param tombstonesAdded range tombstones now held by the version, not by a log
 * @param tombstonesRetired sequences of range tombstones that shadow nothing any more
 */
public record ManifestRecord(
    boolean snapshot,
    long nextFileNumber,
    long lastFlushedSeq,
    List<RunFile> added,
    List<Long> removed,
    List<RangeTombstone> tombstonesAdded,
    List<Long> tombstonesRetired) {

  /** A counter an edit leaves as it was. */
  public static final long UNCHANGED = -1;

  public ManifestRecord {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    tombstonesAdded = List.copyOf(tombstonesAdded);
    tombstonesRetired = List.copyOf(tombstonesRetired);
    if (nextFileNumber < UNCHANGED || lastFlushedSeq < UNCHANGED) {
      throw new IllegalArgumentException("counters must be UNCHANGED or not negative: "
          + nextFileNumber + ", " + lastFlushedSeq);
    }
    if (snapshot && (nextFileNumber == UNCHANGED || lastFlushedSeq == UNCHANGED
        || !removed.isEmpty() || !tombstonesRetired.isEmpty())) {
      throw new IllegalArgumentException("a snapshot sets both counters and removes nothing");
    }
  }

  /** A version edit; pass {@link #UNCHANGED} for a counter it leaves alone. */
  public static ManifestRecord edit(
      long nextFileNumber,
      long lastFlushedSeq,
      List<RunFile> added,
      List<Long> removed,
      List<RangeTombstone> tombstonesAdded,
      List<Long> tombstonesRetired) {
    return new ManifestRecord(false, nextFileNumber, lastFlushedSeq, added, removed,
        tombstonesAdded, tombstonesRetired);
  }
}
