package dev.weir.micrometer;

import dev.weir.reactive.Operation;
import dev.weir.reactive.OperationObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every operation of a store and times a sample of them, cheaply enough to leave on.
 *
 * <p><b>Cost.</b> A point read costs about 420 ns here, so the meters may cost only a few
 * nanoseconds per operation. Counting and the durations of the sample go into per-thread cells
 * ({@link ThreadCounts}: no CAS, no fence, no Micrometer code on the operation's thread); the
 * registries read their sums when they poll, through {@link FunctionCounter}s and {@link
 * FunctionTimer}s. Only one operation in {@code sampleEvery} reads the clock. Failures and
 * retries, rare, are {@link LongAdder}s.
 *
 * <p>The price: the timer {@code weir.operation} is a function timer, count and total time (so
 * the mean) of the sample, with no maximum and no percentiles. (An earlier attempt wrapped every
 * {@code Mono} in a Micrometer {@code Timer} and made reads 11-26% slower; a {@code Timer} fed one
 * read in 64 still cost 12%.)
 *
 * <p>One instance per store (a store takes one observer), bound to any number of registries.
 * Thread-safe.
 */
final class OperationMeters implements OperationObserver {

  private static final Operation[] OPERATIONS = Operation.values();

  /** Events per operation; samples at {@code operation * 2 + (failed ? 1 : 0)}. */
  private final ThreadCounts counts;
  private final LongAdder[] failed = new LongAdder[OPERATIONS.length];
  private final LongAdder retries = new LongAdder();
  private final int sampleEvery;

  OperationMeters(int sampleEvery) {
    this.sampleEvery = sampleEvery;
    this.counts = new ThreadCounts(OPERATIONS.length, OPERATIONS.length * 2, sampleEvery);
    for (int i = 0; i < failed.length; i++) {
      failed[i] = new LongAdder();
    }
  }

  @Override
  public boolean started(Operation operation) {
    return counts.count(operation.ordinal());
  }

  @Override
  public void finished(Operation operation, long nanos, boolean failed) {
    counts.record(operation.ordinal() * 2 + (failed ? 1 : 0), nanos);
  }

  @Override
  public void failed(Operation operation, Throwable error) {
    failed[operation.ordinal()].increment();
  }

  @Override
  public void retried() {
    retries.increment();
  }

  /** Registers the operation meters in {@code registry}, tagged with {@code tags}. */
  void bindTo(MeterRegistry registry, Tags tags) {
    for (Operation o : OPERATIONS) {
      int kind = o.ordinal();
      Tags op = tags.and("operation", o.name().toLowerCase(Locale.ROOT));
      FunctionCounter.builder("weir.operations", counts, c -> c.events(kind))
          .description("Operations subscribed on the store")
          .tags(op)
          .register(registry);
      FunctionCounter.builder("weir.operations.failed", failed[kind], LongAdder::sum)
          .description("Operations that failed")
          .tags(op)
          .register(registry);
      for (int f = 0; f < 2; f++) {
        int slot = kind * 2 + f;
        FunctionTimer.builder("weir.operation", counts,
                c -> c.samples(slot), c -> c.sampledNanos(slot), TimeUnit.NANOSECONDS)
            .description("Duration of a sample of the operations (one in " + sampleEvery
                + "); weir.operations counts them all")
            .tags(op.and("outcome", f == 0 ? "success" : "error"))
            .register(registry);
      }
    }
    FunctionCounter.builder("weir.transactions.retries", retries, LongAdder::sum)
        .description("Transaction attempts made again after a conflict")
        .tags(tags)
        .register(registry);
  }

  @Override
  public String toString() {
    return "WeirMetrics operations (timing one in " + sampleEvery + ")";
  }
}
