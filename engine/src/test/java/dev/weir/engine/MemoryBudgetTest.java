package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Redis's policy at the memory limit: writes fail with a clear, typed error; reads and deletes
 * keep working; once space is freed, writes succeed again.
 */
class MemoryBudgetTest {

  private static final long BUDGET = 4L * 1024 * 1024;

  @Test
  void writesPastTheBudgetFailTypedWhileReadsAndDeletesWork() {
    EngineConfig config =
        EngineConfig.builder().maxMemoryBytes(BUDGET).memtableBytes(256 * 1024).build();
    try (Engine engine = Engine.open(config)) {
      Bytes value = Bytes.wrap(new byte[1000]);
      int written = 0;
      WeirException refused = null;
      for (int i = 0; i < 2 * BUDGET / 1000; i++) {
        int n = i;
        try {
          Writes.await(cb -> engine.put(Bytes.utf8("key" + n), value, cb));
        } catch (WeirException e) {
          refused = e;
          break;
        }
        written++;
      }
      assertNotNull(refused, "a write load of twice the budget was never refused");
      assertInstanceOf(StoreFullException.class, refused);
      assertTrue(refused.retryable());
      long seq = engine.stats().lastSequence();
      assertTrue(engine.stats().liveBytes() <= BUDGET, engine.stats().toString());
      assertEquals(value, engine.get(Bytes.utf8("key0")), "reads keep working");
      assertEquals(seq, engine.stats().lastSequence(), "a refused write changed nothing");

      assertTrue(Writes.await(cb -> engine.deletePrefix(Bytes.utf8("key"), cb)) == written);
      Writes.settle(engine);
      assertTrue(engine.stats().liveBytes() < BUDGET / 4, engine.stats().toString());
      Writes.await(cb -> engine.put(Bytes.utf8("again"), value, cb));
      assertEquals(value, engine.get(Bytes.utf8("again")));
    }
  }

  /**
   * Rotation allocates the next memtable's bloom filter whole, and flushes and compactions
   * reshape what is held: none of it may carry a store that refuses writes past its budget.
   * Sixty shapes of budget, memtable and value size, each written to three times its budget.
   */
  @Test
  void plainWritesNeverCarryTheStorePastItsBudgetWhateverTheShapes() {
    for (int shape = 0; shape < 60; shape++) {
      long budget = (1 + shape % 6) * 1024L * 1024;
      int memtable = (16 << (shape % 5)) * 1024;
      int valueLength = 10 + (shape * 397) % 3000;
      EngineConfig config =
          EngineConfig.builder().maxMemoryBytes(budget).memtableBytes(memtable).build();
      try (Engine engine = Engine.open(config)) {
        Bytes value = Bytes.wrap(new byte[valueLength]);
        int refusals = 0;
        for (int i = 0; i < 3 * budget / (valueLength + 40) && refusals < 50; i++) {
          int n = i;
          try {
            Writes.await(cb -> engine.put(Bytes.utf8("key" + n), value, cb));
          } catch (StoreFullException full) {
            refusals++;
          }
          assertTrue(engine.stats().liveBytes() <= budget, () -> engine.stats().toString());
        }
        assertTrue(refusals > 0, "three times the budget was never refused");
        Writes.settle(engine);
        assertTrue(engine.stats().liveBytes() <= budget, () -> engine.stats().toString());
      }
    }
  }

  @Test
  void aCleanUpBatchWithBookkeepingSucceedsAtTheBudgetWhereAPlainWriteFails() {
    EngineConfig config =
        EngineConfig.builder().maxMemoryBytes(256 * 1024).memtableBytes(64 * 1024).build();
    try (Engine engine = Engine.open(config)) {
      Bytes value = Bytes.wrap(new byte[1000]);
      Bytes counters = Bytes.wrap(new byte[100]);
      // compaction may free room at any moment, so fill until even a small write is refused
      int n = 0;
      boolean smallWriteRefused = false;
      while (!smallWriteRefused && n < 100_000) {
        try {
          int i = n++;
          Writes.await(cb -> engine.put(Bytes.utf8("chunk" + i), value, cb));
        } catch (StoreFullException full) {
          try {
            Writes.await(cb -> engine.put(Bytes.utf8("counters"), counters, cb));
          } catch (StoreFullException alsoFull) {
            smallWriteRefused = true;
          }
        }
      }
      assertTrue(smallWriteRefused, "the store never filled up");
      // freeing space and updating a small record in one atomic batch must not be refused
      WriteBatch cleanUp =
          WriteBatch.builder().deletePrefix(Bytes.utf8("chunk")).put(Bytes.utf8("counters"), counters)
              .build();
      Writes.await(cb -> engine.write(cleanUp, cb));
      assertEquals(counters, engine.get(Bytes.utf8("counters")));
    }
  }

  @Test
  void aBudgetBelowTheMemtableSizeIsRefusedAtOpenNamingTheOption() {
    InvalidArgumentException e =
        Assertions.assertThrows(
            InvalidArgumentException.class,
            () -> EngineConfig.builder().memtableBytes(1 << 20).maxMemoryBytes(1000).build());
    assertTrue(e.getMessage().contains("maxMemoryBytes"), e.getMessage());
  }
}
