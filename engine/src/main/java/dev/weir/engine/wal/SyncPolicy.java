package dev.weir.engine.wal;

import dev.weir.engine.InvalidArgumentException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When the log forces its writes to the disk, as Redis's {@code appendfsync}. Immutable.
 *
 * <ul>
 *   <li>{@link #ALWAYS}: one fsync per group; a write is acknowledged once it is on the disk.
 *   <li>{@link #every(Duration)}: at most one fsync per interval; a write is acknowledged once
 *       it is written (in the page cache), so a power cut loses up to an interval of
 *       acknowledged writes, a process crash none.
 *   <li>{@link #NONE}: the operating system syncs when it likes; acknowledged once written.
 * </ul>
 *
 * Whatever the policy, a segment is synced before the next one starts and when the log closes.
 */
public final class SyncPolicy {

  public static final SyncPolicy ALWAYS = new SyncPolicy(0, "always");
  public static final SyncPolicy NONE = new SyncPolicy(-1, "none");

  private final long intervalNanos;
  private final String name;

  private SyncPolicy(long intervalNanos, String name) {
    this.intervalNanos = intervalNanos;
    this.name = name;
  }

  /** At most one fsync per {@code interval}, which must be positive. */
  public static SyncPolicy every(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the sync interval must be positive: " + interval);
    }
    return new SyncPolicy(interval.toNanos(), "every " + interval);
  }

  /**
   * A policy as a DSN or a command line names it: {@code always}, {@code none}, or a positive
   * ISO-8601 interval such as {@code PT1S}; anything else is an {@link
   * InvalidArgumentException} saying what is accepted.
   */
  public static SyncPolicy parse(String text) {
    Objects.requireNonNull(text, "text");
    switch (text) {
      case "always":
        return ALWAYS;
      case "none":
        return NONE;
      default:
        try {
          Duration interval = Duration.parse(text);
          if (!interval.isNegative() && !interval.isZero()) {
            return every(interval);
          }
        } catch (DateTimeParseException e) {
          // refused below, with what is accepted
        }
        throw new InvalidArgumentException(
            "sync must be always, none or a positive ISO-8601 interval such as PT1S, was '"
                + text + "'");
    }
  }

  boolean syncsEveryGroup() {
    return intervalNanos == 0;
  }

  boolean syncsOnInterval() {
    return intervalNanos > 0;
  }

  long intervalNanos() {
    return intervalNanos;
  }

  @Override
  public String toString() {
    return name;
  }
}
