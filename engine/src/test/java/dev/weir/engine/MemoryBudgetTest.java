package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
   * What no write pays for may not carry a store that refuses writes past its budget: the next
   * memtable's bloom filter, allocated whole at rotation, and runs that compaction lays out
   * wider than its inputs (keys of two fixed lengths merged need an offset table, entries with
   * and without TTLs an expiry column) or splits into more runs. Sixty shapes of budget,
   * memtable and value size; in some, the first refusal switches the keys to another length or
   * the puts to TTLs, so that runs of a narrow layout wait to be merged with wider ones.
   */
  @Test
  void plainWritesNeverCarryTheStorePastItsBudgetWhateverTheShapes() {
    for (int shape = 0; shape < 60; shape++) {
      long budget = (1 + shape % 6) * 1024L * 1024;
      int memtable = (16 << (shape % 5)) * 1024;
      int valueLength = 10 + (shape * 397) % 3000;
      int mode = shape % 4; // 0: key lengths vary; 1: one length; 2: another length; 3: TTLs
      EngineConfig config =
          EngineConfig.builder().maxMemoryBytes(budget).memtableBytes(memtable).build();
      try (Engine engine = Engine.open(config)) {
        Bytes value = Bytes.wrap(new byte[valueLength]);
        long writes = 3 * budget / (valueLength + 40);
        int refusals = 0;
        for (long i = 0; i < writes && refusals < 200; i++) {
          boolean switched = refusals > 0;
          String format = mode == 2 && switched ? "k%012d" : "k%08d";
          Bytes key = Bytes.utf8(mode == 0 ? "key" + i : String.format(format, i));
          Duration ttl = mode == 3 && switched ? Duration.ofDays(1) : null;
          try {
            Writes.await(cb -> engine.put(key, value, ttl, -1, cb));
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
