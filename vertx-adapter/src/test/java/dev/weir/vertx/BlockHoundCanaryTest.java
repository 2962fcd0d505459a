package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;

/**
 * Blocks on a Vert.x event loop on purpose: if BlockHound were not installed in this module's
 * test JVM, or did not count event loops as non-blocking threads, every "never blocks" claim
 * of the adapter would be hollow, so this fails instead.
 */
class BlockHoundCanaryTest {

  @Test
  void blockingOnAnEventLoopIsCaught() {
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
      assertInstanceOf(BlockingOperationError.class, Nodes.await(caught.future()),
          "BlockHound did not catch a blocking call on a Vert.x event loop");
    } finally {
      Nodes.await(vertx.close());
    }
  }
}
