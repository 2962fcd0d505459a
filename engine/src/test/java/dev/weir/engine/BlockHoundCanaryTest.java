package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;

/**
 * Proves BlockHound is installed in this module's test JVM and treats engine threads as
 * non-blocking: a blocking call on one must be caught. If BlockHound were silently off, the
 * rest of the suite would prove nothing about blocking, so this test fails the build then.
 */
class BlockHoundCanaryTest {

  @Test
  void aBlockingCallOnAnEngineThreadIsCaught() throws Exception {
    CompletableFuture<Throwable> caught = new CompletableFuture<>();
    Thread t =
        EngineThread.factory("canary")
            .newThread(
                () -> {
                  try {
                    Thread.yield(); // BlockHound counts yielding as blocking
                    caught.complete(null);
                  } catch (Throwable e) {
                    caught.complete(e);
                  }
                });
    t.start();
    Throwable error = caught.get(30, TimeUnit.SECONDS);
    assertNotNull(error, "BlockHound did not flag a blocking call on an engine thread");
    assertInstanceOf(BlockingOperationError.class, error);
  }
}
