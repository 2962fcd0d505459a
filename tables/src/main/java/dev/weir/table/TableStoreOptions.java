package dev.weir.table;

import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * How a {@link TableStore} keeps time: the scheduler whose clock says what "now" is for TTL
 * (and creation times), and on which the background TTL sweep runs every {@code sweepInterval}.
 * Tests pass a {@code VirtualTimeScheduler} and move time by hand. Immutable.
 */
public record TableStoreOptions(Scheduler clock, Duration sweepInterval) {

  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(1);

  public TableStoreOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new ItemValidationException("the TTL sweep interval must be positive");
    }
  }

  /** The parallel scheduler's clock and a sweep each second. */
  public static TableStoreOptions defaults() {
    return new TableStoreOptions(Schedulers.parallel(), DEFAULT_SWEEP_INTERVAL);
  }
}
