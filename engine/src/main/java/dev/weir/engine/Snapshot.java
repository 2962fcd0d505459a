package dev.weir.engine;

import dev.weir.engine.snapshot.SnapshotRegistry;

/**
 * A consistent read point: every read through it sees the store as it was at {@link
 * #sequence()}. Compaction keeps what it needs until it is closed; an open snapshot shows in
 * the stats, so a leak is visible. Closing is idempotent; reading through a closed snapshot
 * fails with {@link SnapshotClosedException}. Thread-safe.
 */
public final class Snapshot implements AutoCloseable {

  private final SnapshotRegistry.Pin pin;
  private final long sequence;

  Snapshot(SnapshotRegistry.Pin pin, long sequence) {
    this.pin = pin;
    this.sequence = sequence;
  }

  /** The sequence number of the last write this snapshot sees. */
  public long sequence() {
    return sequence;
  }

  public boolean isClosed() {
    return pin.isClosed();
  }

  @Override
  public void close() {
    pin.close();
  }

  void checkOpen() {
    if (pin.isClosed()) {
      throw new SnapshotClosedException("the snapshot at sequence " + sequence + " is closed");
    }
  }

  @Override
  public String toString() {
    return "Snapshot@" + sequence + (isClosed() ? " (closed)" : "");
  }
}
