package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Regression: a long chain of writes, each completion subscribing the next (what flatMap does
 * under load), once recursed through the write loop three frames per group and overflowed the
 * stack. It must run in constant stack depth, here on a deliberately small stack.
 */
class WriteChainTest {

  @Test
  void aLongFlatMapOfPutsRunsInConstantStackDepth() throws Exception {
    ReactiveStore store = Weir.inMemory();
    CompletableFuture<Long> done = new CompletableFuture<>();
    Thread small =
        new Thread(
            null,
            () ->
                Flux.range(0, 300_000)
                    .flatMap(i -> store.put(Bytes.utf8("k" + i), Bytes.utf8("v")), 256)
                    .count()
                    .subscribe(done::complete, done::completeExceptionally),
            "small-stack",
            256 * 1024);
    small.start();
    done.get(120, TimeUnit.SECONDS);
    small.join();
    assertEquals(300_000, store.stats().block().lastSequence());
  }
}
