package dev.weir.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A window of at most {@code max} writes issued and not yet acknowledged, the same for every
 * store: the issuing thread (the benchmark's) calls {@link #acquire} before each write, and
 * whatever thread acknowledges the write (Weir's, or a peer's writer thread) calls {@link
 * #release} or {@link #fail}. When the window is full the issuer parks until it has fallen to
 * three quarters, as {@code flatMap(..., 256)} refills its demand in batches; waking it for
 * every single acknowledgement would spend the 2 cores on context switches.
 *
 * <p>Issued is owned by the issuing thread (volatile so an acknowledging thread reads it when
 * it decides to wake the issuer); acknowledged is counted by every acknowledging thread.
 */
final class InFlight {

  final int max;
  private final int wakeAt;
  private final AtomicLong acknowledged = new AtomicLong();
  private volatile long issued;
  private volatile Thread waiter;
  private volatile Throwable error;

  InFlight(int max) {
    this.max = max;
    this.wakeAt = Math.max(1, max - max / 4);
  }

  /** Called by the issuing thread before a write: waits while {@code max} are in flight. */
  void acquire() {
    long i = issued;
    if (i - acknowledged.get() >= max) {
      awaitBelow(i, wakeAt);
    }
    checkError();
    issued = i + 1;
  }

  /** Called once a write is acknowledged (on disk, for the durable stores). */
  void release() {
    long a = acknowledged.incrementAndGet();
    Thread w = waiter;
    if (w != null && issued - a <= wakeAt) {
      LockSupport.unpark(w);
    }
  }

  /** Called when a write failed: the issuer throws at its next {@link #acquire}. */
  void fail(Throwable t) {
    error = t;
    release();
  }

  /** Waits (setup code) until every issued write is acknowledged. */
  void drain() {
    awaitBelow(issued, 0);
    checkError();
  }

  long acknowledged() {
    return acknowledged.get();
  }

  private void awaitBelow(long issuedNow, long inFlight) {
    waiter = Thread.currentThread();
    try {
      long deadline = System.nanoTime() + Dataset.TIMEOUT.toNanos();
      while (issuedNow - acknowledged.get() > inFlight && error == null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              (issuedNow - acknowledged.get()) + " writes unacknowledged after " + Dataset.TIMEOUT);
        }
        // re-checked after a bounded park: a wake-up between the check and the park is a permit
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
      }
    } finally {
      waiter = null;
    }
  }

  private void checkError() {
    Throwable t = error;
    if (t != null) {
      throw new IllegalStateException("a write failed", t);
    }
  }
}
