package dev.weir.engine;

import dev.weir.engine.changes.ChangeLog;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A pull cursor over committed changes under a prefix, from a sequence on. {@link #poll()}
 * returns the next matching change that is visible, or {@code null} when caught up; the
 * registered signal runs when new changes may be visible. Used by one thread at a time.
 */
public final class ChangeFeed implements AutoCloseable {

  private final ChangeLog log;
  private final LongSupplier visible;
  private final Bytes prefix;
  private final Runnable signal;
  private final BooleanSupplier storeClosed;
  private long next;
  private boolean closed;

  ChangeFeed(
      ChangeLog log,
      LongSupplier visible,
      BooleanSupplier storeClosed,
      Bytes prefix,
      long from,
      Runnable signal) {
    this.log = log;
    this.visible = visible;
    this.storeClosed = storeClosed;
    this.prefix = prefix;
    this.next = from;
    this.signal = signal;
    log.addWatcher(signal);
  }

  /**
   * The next visible change under the prefix, or {@code null} when caught up.
   *
   * @throws ChangesOverflowException when the log dropped changes this feed had not read
   * @throws StoreClosedException when the store closed and every visible change was read
   */
  public ChangeEvent poll() {
    long last = visible.getAsLong();
    while (next <= last) {
      ChangeEvent e = log.get(next);
      if (e == null) {
        close();
        log.overflowed();
        throw new ChangesOverflowException(
            "the change stream fell behind the change log; last delivered sequence "
                + (next - 1) + "; resume from " + next + " or rescan",
            next - 1);
      }
      next++;
      if (matches(e)) {
        return e;
      }
    }
    if (storeClosed.getAsBoolean()) {
      close();
      throw new StoreClosedException("the store closed; last delivered sequence " + (next - 1));
    }
    return null;
  }

  /** The sequence the next poll starts from. */
  public long nextSequence() {
    return next;
  }

  private boolean matches(ChangeEvent e) {
    if (e.type() != ChangeEvent.Type.RANGE_DELETE) {
      return e.key().startsWith(prefix);
    }
    // a range deletion matters when it overlaps the prefix's range
    Bytes prefixEnd = KeyRange.prefix(prefix).toKey();
    boolean startsBeforePrefixEnds = prefixEnd == null || e.key().compareTo(prefixEnd) < 0;
    boolean endsAfterPrefixStarts = e.rangeEnd() == null || e.rangeEnd().compareTo(prefix) > 0;
    return startsBeforePrefixEnds && endsAfterPrefixStarts;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      log.removeWatcher(signal);
    }
  }
}
