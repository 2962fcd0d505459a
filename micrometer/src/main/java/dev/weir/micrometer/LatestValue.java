package dev.weir.micrometer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The latest value of a {@code Mono} source, fetched again when older than a maximum age: what
 * gauges read, since Micrometer polls them synchronously (often on an event loop) and a store's
 * figures arrive as a {@code Mono}. The embedded store answers within the subscription, so a
 * poll sees a fresh value; a client of a served store answers a round trip later, so a poll sees
 * the value of the poll before. Never blocks; one fetch at a time; a failed fetch keeps the last
 * value and remembers the error.
 */
final class LatestValue<T> {

  private final Supplier<? extends Mono<? extends T>> source;
  private final long maxAgeNanos;
  private final AtomicBoolean fetching = new AtomicBoolean();
  private volatile T latest;
  private volatile Throwable lastError;
  private volatile boolean fetched;
  private volatile long fetchedAt;

  LatestValue(Supplier<? extends Mono<? extends T>> source, Duration maxAge) {
    this.source = source;
    this.maxAgeNanos = maxAge.toNanos();
  }

  /** The latest value, or null before the first fetch completed. */
  T get() {
    long now = System.nanoTime();
    if ((!fetched || now - fetchedAt >= maxAgeNanos) && fetching.compareAndSet(false, true)) {
      try {
        source.get().subscribe(v -> {
          latest = v;
          lastError = null;
        }, e -> {
          lastError = e;
          done(now);
        }, () -> done(now));
      } catch (RuntimeException e) {
        lastError = e;
        done(now);
      }
    }
    return latest;
  }

  /** The error of the last fetch, or null when it succeeded. */
  Throwable lastError() {
    return lastError;
  }

  private void done(long at) {
    fetchedAt = at;
    fetched = true;
    fetching.set(false);
  }
}
