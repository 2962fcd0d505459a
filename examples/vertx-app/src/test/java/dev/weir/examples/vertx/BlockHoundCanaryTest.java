package dev.weir.examples.vertx;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;

/**
 * Blocks on a Vert.x event loop on purpose: if BlockHound were not installed in this module's
 * test JVM, the application test's silence about blocking would prove nothing.
 */
class BlockHoundCanaryTest {

  @Test
  void blockingOnAnEventLoopIsCaught() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Promise<Throwable> caught = Promise.promise();
      vertx.runOnContext(v -> {
        try {
          Thread.yield(); // BlockHound counts yielding as blocking
          caught.complete(null);
        } catch (Throwable e) {
          caught.complete(e);
        }
      });
      assertInstanceOf(BlockingOperationError.class, VertxAppTest.await(caught.future()),
          "BlockHound did not catch a blocking call on a Vert.x event loop");
    } finally {
      VertxAppTest.await(vertx.close());
    }
  }
}
