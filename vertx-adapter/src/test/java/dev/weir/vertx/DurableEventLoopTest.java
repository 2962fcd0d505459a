package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;

/**
 * The durable canary on a real Vert.x event loop, BlockHound on: durable puts (each completing
 * only once its group is fsynced) raise nothing there, because the log writes and syncs on its
 * own thread; and the negative, an fsync run on the event loop itself, is caught, so the first
 * test would fail if the store ever synced on its caller's thread.
 */
class DurableEventLoopTest {

  @TempDir Path dir;

  @Test
  void durablePutsOnAVertxEventLoopRaiseNoBlockHoundError() {
    ReactiveStore store =
        Weir.open(EngineConfig.builder().directory(dir).build()).block(Duration.ofSeconds(60));
    Vertx vertx = Vertx.vertx();
    try {
      Promise<Throwable> outcome = Promise.promise();
      vertx.runOnContext(v -> Flux.range(0, 500)
          .flatMap(i -> store.put(Bytes.utf8("k" + i), Bytes.utf8("v" + i)), 64)
          .then()
          .subscribe(null, outcome::complete, () -> outcome.complete(null)));
      assertNull(Nodes.await(outcome.future()), "a durable put blocked the event loop");
    } finally {
      Nodes.await(vertx.close());
    }
    store.close().block(Duration.ofSeconds(60));
    ReactiveStore again =
        Weir.open(EngineConfig.builder().directory(dir).build()).block(Duration.ofSeconds(60));
    assertEquals("v499", again.get(Bytes.utf8("k499")).map(Bytes::asUtf8).block());
    again.close().block(Duration.ofSeconds(60));
  }

  @Test
  void anFsyncOnTheEventLoopItselfIsCaught() throws IOException {
    Vertx vertx = Vertx.vertx();
    try (FileChannel ch = FileChannel.open(dir.resolve("probe"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {1}));
      Promise<Throwable> caught = Promise.promise();
      vertx.runOnContext(v -> {
        try {
          ch.force(false);
          caught.complete(null);
        } catch (Throwable e) {
          caught.complete(e);
        }
      });
      assertInstanceOf(BlockingOperationError.class, Nodes.await(caught.future()),
          "BlockHound did not catch an fsync on a Vert.x event loop");
    } finally {
      Nodes.await(vertx.close());
    }
  }
}
