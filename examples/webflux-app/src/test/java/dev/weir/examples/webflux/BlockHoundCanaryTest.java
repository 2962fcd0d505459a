package dev.weir.examples.webflux;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.channel.DefaultEventLoopGroup;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;

/**
 * Blocks on a Netty event loop on purpose (the kind of thread WebFlux runs handlers on): if
 * BlockHound were not installed in this module's test JVM, the application tests' silence about
 * blocking would prove nothing.
 */
class BlockHoundCanaryTest {

  @Test
  void blockingOnANettyEventLoopIsCaught() {
    DefaultEventLoopGroup loop = new DefaultEventLoopGroup(1);
    try {
      // BlockHound counts yielding as blocking
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> loop.submit(Thread::yield).get(30, TimeUnit.SECONDS));
      assertInstanceOf(BlockingOperationError.class, e.getCause(),
          "BlockHound did not catch a blocking call on a Netty event loop");
    } finally {
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }
  }
}
