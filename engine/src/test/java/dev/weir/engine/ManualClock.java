package dev.weir.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A store clock that moves only when a test says so: virtual time for TTL tests. */
final class ManualClock implements LongSupplier {

  private final AtomicLong millis = new AtomicLong(1_000_000);

  @Override
  public long getAsLong() {
    return millis.get();
  }

  void advance(long ms) {
    millis.addAndGet(ms);
  }

  void set(long ms) {
    millis.set(ms);
  }
}
