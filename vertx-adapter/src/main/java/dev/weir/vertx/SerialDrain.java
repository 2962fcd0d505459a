package dev.weir.vertx;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Reactor's work-in-progress drain loop: signals arrive on any thread, and whoever finds no
 * drainer at work becomes it and handles them all, including those that arrive meanwhile. So
 * one thread at a time runs {@link #work()}, which owns the state it touches.
 */
abstract class SerialDrain {

  private static final AtomicIntegerFieldUpdater<SerialDrain> WIP =
      AtomicIntegerFieldUpdater.newUpdater(SerialDrain.class, "wip");

  private volatile int wip;

  /** Whether it has ended: nothing is handled any more, and what arrives is discarded. */
  abstract boolean ended();

  /** Handles what has arrived; called only by the drainer, never once {@link #ended()}. */
  abstract void work();

  /** Drops what arrived after the end; called only by the drainer. */
  abstract void discard();

  final void drain() {
    if (WIP.getAndIncrement(this) != 0) {
      return;
    }
    int missed = 1;
    do {
      if (!ended()) {
        work();
      }
      if (ended()) {
        discard();
      }
      missed = WIP.addAndGet(this, -missed);
    } while (missed != 0);
  }
}
