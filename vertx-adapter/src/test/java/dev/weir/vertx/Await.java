package dev.weir.vertx;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/** Waits on the test thread for a condition, by timer, up to a deadline; never a sleep. */
final class Await {

  private Await() {}

  static void until(String what, Duration deadline, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + deadline + ": " + what);
      }
      pause(Duration.ofMillis(10));
    }
  }

  /** A timer tick on Reactor's parallel scheduler, awaited on this (test) thread. */
  static void pause(Duration d) {
    Mono.delay(d).block();
  }
}
