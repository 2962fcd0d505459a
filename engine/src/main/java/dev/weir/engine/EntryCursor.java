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
  }

  /** The next live entry, or {@code null} at the end (which also closes the cursor). */
  public Entry next() {
    long now = 0; // read the clock only for a version that expires: most never do
    while (remaining > 0 && merged.valid()) {
      byte[] key = merged.key();
      boolean found = merged.resolve(readSeq, ref);
      merged.next();
      if (found && ref.expireAt != 0 && now == 0) {
        now = clock.getAsLong();
      }
      if (found
          && ref.kind == ValueKind.PUT
          && (ref.expireAt == 0 || ref.expireAt > now)
          && !version.hiddenByTombstone(key, ref.seq, readSeq)) {
        remaining--;
        return new Entry(Bytes.wrap(key), Bytes.wrap(ref.value), ref.seq);
      }
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
