package dev.weir.engine;

import dev.weir.engine.iterator.MergingCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.snapshot.SnapshotRegistry;
import dev.weir.engine.version.Version;
import java.util.function.LongSupplier;

/**
 * A pull cursor over the live entries of a range at one sequence: each {@link #next()} advances
 * the underlying sources just far enough to find one entry, so a scan materialises nothing and
 * a slow consumer holds constant memory. Holds an implicit snapshot until {@link #close()} or
 * the end of the range. Used by one thread at a time.
 */
public final class EntryCursor implements AutoCloseable {

  private final Version version;
  private final MergingCursor merged;
  private final long readSeq;
  private final LongSupplier clock;
  private final SnapshotRegistry.Pin pin;
  /** Whether a range tombstone may hide an entry: only then is each key read. */
  private final boolean tombstones;
  private final VersionRef ref = new VersionRef();
  private long remaining;

  EntryCursor(
      Version version,
      MergingCursor merged,
      long readSeq,
      long limit,
      LongSupplier clock,
      SnapshotRegistry.Pin pin) {
    this.version = version;
    this.merged = merged;
    this.readSeq = readSeq;
    this.remaining = limit;
    this.clock = clock;
    this.pin = pin;
    this.tombstones = !version.tombstones().isEmpty();
  }

  /** The next live entry, or {@code null} at the end (which also closes the cursor). */
  public Entry next() {
    long now = 0; // read the clock only for a version that expires: most never do
    while (remaining > 0 && merged.valid()) {
      boolean found = merged.resolve(readSeq, ref);
      if (found && ref.expireAt != 0 && now == 0) {
        now = clock.getAsLong();
      }
      // the key is read only if a range tombstone may hide it; handed out, it is not copied
      if (found
          && ref.kind == ValueKind.PUT
          && (ref.expireAt == 0 || ref.expireAt > now)
          && !(tombstones && version.hiddenByTombstone(merged.key(), ref.seq, readSeq))) {
        Bytes key = merged.keyBytes();
        merged.next();
        remaining--;
        return new Entry(key, Bytes.wrap(ref.value), ref.seq);
      }
      merged.next();
    }
    close();
    return null;
  }

  /** The sequence this cursor reads at. */
  public long sequence() {
    return readSeq;
  }

  @Override
  public void close() {
    pin.close();
  }
}
