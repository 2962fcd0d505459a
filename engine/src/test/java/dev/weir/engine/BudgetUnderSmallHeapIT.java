package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with a heap a little above the budget (see the engine pom's
 * {@code small-heap} execution): a write load of twice the budget must end in typed
 * {@link StoreFullException}s, never an {@link OutOfMemoryError}, and reads must still work.
 */
class BudgetUnderSmallHeapIT {

  static final long BUDGET = 64L * 1024 * 1024;

  @Test
  void twiceTheBudgetGivesStoreFullNotOutOfMemory() throws Exception {
    long maxHeap = Runtime.getRuntime().maxMemory();
    assertTrue(maxHeap < 4 * BUDGET, "run with a small heap; max heap is " + maxHeap);
    writeTwiceTheBudget(EngineConfig.builder().maxMemoryBytes(BUDGET).build());
  }

  /**
   * Regression: with no budget set, the store took writes until the JVM threw {@code
   * OutOfMemoryError}. The default budget is a share of the max heap.
   */
  @Test
  void aStoreWithNoBudgetSetGivesStoreFullNotOutOfMemory() throws Exception {
    EngineConfig config = EngineConfig.defaults();
    assertTrue(config.maxMemoryBytesIsDefault());
    long maxHeap = Runtime.getRuntime().maxMemory();
    assertTrue(
        config.maxMemoryBytes() <= maxHeap * EngineConfig.DEFAULT_HEAP_SHARE, config.toString());
    writeTwiceTheBudget(config);
  }

  private static void writeTwiceTheBudget(EngineConfig config) throws Exception {
    long budget = config.maxMemoryBytes();
    try (Engine engine = Engine.open(config)) {
      AtomicLong stored = new AtomicLong();
      AtomicLong refused = new AtomicLong();
      int valueSize = 1000;
      long writes = 2 * budget / valueSize;
      CompletableFuture<Void> done = new CompletableFuture<>();
      AtomicLong pending = new AtomicLong(writes);
      for (long i = 0; i < writes; i++) {
        engine.put(
            Bytes.utf8("key" + i),
            Bytes.wrap(new byte[valueSize]),
            new WriteCallback() {
              @Override
              public void onSuccess(long sequence, long result) {
                stored.incrementAndGet();
                finish();
              }

              @Override
              public void onError(WeirException error) {
                if (error instanceof StoreFullException) {
                  refused.incrementAndGet();
                } else {
                  done.completeExceptionally(error);
                }
                finish();
              }

              private void finish() {
                if (pending.decrementAndGet() == 0) {
                  done.complete(null);
                }
              }
            });
      }
      done.get(120, TimeUnit.SECONDS);
      assertTrue(refused.get() > 0, "nothing was refused");
      assertEquals(writes, stored.get() + refused.get());
      EngineStats end = engine.stats();
      assertTrue(end.liveBytes() <= budget, end.toString());
      assertEquals(valueSize, engine.get(Bytes.utf8("key0")).length(), "reads keep working");
    }
  }
}
