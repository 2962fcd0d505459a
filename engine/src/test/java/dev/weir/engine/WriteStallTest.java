package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * When compaction falls behind, writes are held back (their completions come later) rather
 * than piling up frozen memtables: memory stays bounded, nothing blocks, every write lands.
 */
class WriteStallTest {

  @Test
  void writesFasterThanCompactionAllCompleteWithBoundedMemtables() throws Exception {
    EngineConfig config =
        EngineConfig.builder()
            .memtableBytes(8 * 1024)
            .maxFrozenMemtables(1)
            .level0RunsTrigger(2)
            .maxLevel0Runs(3)
            .level1Bytes(16 * 1024)
            .build();
    int writes = 20_000;
    try (Engine engine = Engine.open(config)) {
      AtomicInteger completed = new AtomicInteger();
      AtomicInteger maxMemtables = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CompletableFuture<Void> all = new CompletableFuture<>();
      Bytes value = Bytes.wrap(new byte[200]);
      for (int i = 0; i < writes; i++) {
        // many writes in flight: issue without waiting, as a reactive caller does
        engine.put(
            Bytes.utf8("k" + (i % 5000)),
            value,
            new WriteCallback() {
              @Override
              public void onSuccess(long sequence, long result) {
                maxMemtables.accumulateAndGet(engine.stats().memtables(), Math::max);
                if (completed.incrementAndGet() == writes) {
                  all.complete(null);
                }
              }

              @Override
              public void onError(WeirException error) {
                failure.set(error);
                all.completeExceptionally(error);
              }
            });
      }
      all.get(60, TimeUnit.SECONDS);
      assertEquals(null, failure.get());
      assertEquals(writes, engine.stats().lastSequence());
      // the active memtable, at most maxFrozen waiting, and one frozen by the group in flight
      assertTrue(maxMemtables.get() <= 3, "memtables grew to " + maxMemtables);
      Writes.settle(engine);
      assertEquals(5000, engine.stats().entries());
    }
  }
}
