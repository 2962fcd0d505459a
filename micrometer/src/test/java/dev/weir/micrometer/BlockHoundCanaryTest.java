package dev.weir.micrometer;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blocks on purpose where blocking is forbidden: if BlockHound were silently not installed in
 * this module's test JVM, every "never blocks" claim of the suite would be hollow, so this
 * fails instead.
 */
class BlockHoundCanaryTest {

  @Test
  void blockingOnAParallelSchedulerThreadIsCaught() {
    Throwable e = assertThrows(Throwable.class, () -> Mono.fromCallable(() -> {
      Thread.yield(); // BlockHound counts yielding as blocking
      return "yielded";
    }).subscribeOn(Schedulers.parallel()).block());
    Throwable cause = e;
    while (cause != null && !(cause instanceof BlockingOperationError)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      throw new AssertionError("BlockHound is not installed: expected BlockingOperationError", e);
    }
  }
}
