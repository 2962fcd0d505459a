package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.scheduler.Schedulers;

/**
 * Proves BlockHound is installed in this module's test JVM: blocking on a Reactor parallel
 * thread must be caught. The shell itself blocks only on its own main thread, which is allowed;
 * if BlockHound were silently off, that claim would be untested, so this fails the build then.
 */
class BlockHoundCanaryTest {

  @Test
  void blockingOnAParallelSchedulerThreadIsCaught() throws Exception {
    CompletableFuture<Throwable> caught = new CompletableFuture<>();
    Schedulers.parallel().schedule(() -> {
      try {
        Thread.yield(); // a blocking call for BlockHound, on purpose
        caught.complete(null);
      } catch (Throwable e) {
        caught.complete(e);
      }
    });
    Throwable error = caught.get(30, TimeUnit.SECONDS);
    assertNotNull(error, "BlockHound did not flag a blocking call on a parallel thread");
    assertInstanceOf(BlockingOperationError.class, error);
  }
}
