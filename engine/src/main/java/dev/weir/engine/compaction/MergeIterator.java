package dev.weir.engine.compaction;

import dev.weir.engine.iterator.MergingCursor;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.key.RangeTombstones;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges sources into new runs, keeping exactly the versions someone can still read.
 *
 * <p>For each key, versions arrive newest first. A version is kept when it is one of the
 * {@code versionsToKeep} newest, or the newest at or below some open snapshot's sequence (that
 * snapshot reads it). A version hidden by a range tombstone that every reader sees (its
 * sequence at or below the oldest snapshot) is dropped. An expired value reads as absent at
 * every sequence, so it is kept only as a shadow over older versions, without its value. A
 * trailing tombstone (or expired shadow) goes too when it shadows nothing: on the bottommost
 * level, or when no run below the output holds its key ({@link DeeperRuns}).
 */
final class MergeIterator {

  private final long[] pins;
  private final long oldestPin;
  private final int versionsToKeep;
  private final long now;
  private final RangeTombstones tombstones;
  private final boolean bottommost;
  /** Asked, short of the bottommost level, whether a trailing tombstone still hides anything. */
  private final DeeperRuns below;
  private final long targetRunBytes;
  /**
   * The inputs' value bytes an entry, on average, which outputs are split by: a value's own
   * length lives in its array's header, and reading it for every entry was a cache miss that
   * took half of a compaction's time. A run's exact size is summed when it is built, in a
   * tight loop whose misses overlap.
   */
  private final long valueBytesPerEntry;
  private final RunFactory factory;

  /** Supplies builders and ids for output runs. */
  interface RunFactory {
    RunBuilder newBuilder();

    long nextRunId();
  }

  MergeIterator(
      long[] pins,
      long oldestPin,
      int versionsToKeep,
      long now,
      RangeTombstones tombstones,
      boolean bottommost,
      DeeperRuns below,
      long targetRunBytes,
      long valueBytesPerEntry,
      RunFactory factory) {
    this.pins = pins;
    this.oldestPin = oldestPin;
    this.versionsToKeep = versionsToKeep;
    this.now = now;
    this.tombstones = tombstones;
    this.bottommost = bottommost;
    this.below = below;
    this.targetRunBytes = targetRunBytes;
    this.valueBytesPerEntry = valueBytesPerEntry;
    this.factory = factory;
  }

  List<Run> merge(SourceCursor[] newestFirst) {
    MergingCursor merged = new MergingCursor(newestFirst, false);
    List<Run> out = new ArrayList<>();
    RunBuilder builder = factory.newBuilder();
    long builderBytes = 0;
    KeyVersions versions = new KeyVersions();
    while (merged.valid()) {
      byte[] key = merged.key();
      versions.clear();
      merged.versions(versions);
      int kept = select(key, versions);
      if (kept > 0 && builderBytes >= targetRunBytes) {
        out.add(builder.build(factory.nextRunId())); // split between keys only
        builder = factory.newBuilder();
        builderBytes = 0;
      }
      for (int i = 0; i < versions.size; i++) {
        if (versions.keep[i]) {
          byte[] value = versions.kind[i] == ValueKind.PUT ? versions.value[i] : null;
          builder.add(key, versions.seq[i], versions.kind[i], value, versions.expireAt[i]);
          builderBytes += key.length + 32 + valueBytesPerEntry;
        }
      }
      merged.next();
    }
    if (builder.size() > 0) {
      out.add(builder.build(factory.nextRunId()));
    }
    return out;
  }

  /** Marks the versions of one key to keep; returns how many. */
  private int select(byte[] key, KeyVersions v) {
    int pin = pins.length - 1; // pins ascending; walk from the newest
    int kept = 0;
    for (int i = 0; i < v.size; i++) {
      long seq = v.seq[i];
      boolean keep = i < versionsToKeep;
      // the newest version at or below a pin is what that snapshot reads
      while (pin >= 0 && pins[pin] >= seq) {
        keep = true;
        pin--;
      }
      if (keep && seq < oldestPin && hiddenForEveryone(key, seq)) {
        keep = false;
      }
      if (v.kind[i] == ValueKind.PUT && v.expireAt[i] != 0 && v.expireAt[i] <= now) {
        v.kind[i] = ValueKind.DELETE; // expired: a shadow, no value
      }
      v.keep[i] = keep;
      if (keep) {
        kept++;
      }
    }
    if (kept > 0 && trailingTombstone(v) && (bottommost || (below != null && !below.hold(key)))) {
      for (int i = v.size - 1; i >= 0 && kept > 0; i--) {
        if (!v.keep[i]) {
          continue;
        }
        if (v.kind[i] != ValueKind.DELETE) {
          break;
        }
        v.keep[i] = false; // a tombstone with nothing older left to shadow
        kept--;
      }
    }
    return kept;
  }

  /** Whether the oldest version kept is a tombstone (or an expired shadow). */
  private static boolean trailingTombstone(KeyVersions v) {
    for (int i = v.size - 1; i >= 0; i--) {
      if (v.keep[i]) {
        return v.kind[i] == ValueKind.DELETE;
      }
    }
    return false;
  }

  /** Whether a range tombstone that every open snapshot sees deletes this version. */
  private boolean hiddenForEveryone(byte[] key, long seq) {
    return tombstones.hides(key, seq, oldestPin);
  }

  /** The versions of one key, newest first; reused from key to key. */
  private static final class KeyVersions implements SourceCursor.VersionSink {
    long[] seq = new long[8];
    byte[] kind = new byte[8];
    byte[][] value = new byte[8][];
    long[] expireAt = new long[8];
    boolean[] keep = new boolean[8];
    int size;

    void clear() {
      for (int i = 0; i < size; i++) {
        value[i] = null;
      }
      size = 0;
    }

    @Override
    public void accept(long s, byte k, byte[] val, long exp) {
      if (size == seq.length) {
        int n = size * 2;
        seq = Arrays.copyOf(seq, n);
        kind = Arrays.copyOf(kind, n);
        value = Arrays.copyOf(value, n);
        expireAt = Arrays.copyOf(expireAt, n);
        keep = Arrays.copyOf(keep, n);
      }
      seq[size] = s;
      kind[size] = k;
      value[size] = val;
      expireAt[size] = exp;
      size++;
    }
  }
}
