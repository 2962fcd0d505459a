package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The figures metrics and health read from {@link EngineStats} move with what they count, and
 * a graceful close lets the writes already submitted land first.
 */
class EngineStatsFiguresTest {

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void commitsAndConflictsAreCounted() {
    try (Engine engine = Engine.open(EngineConfig.defaults())) {
      Writes.await(cb -> engine.put(b("k"), b("v"), cb));
      long snapshot = engine.stats().lastSequence();
      WriteBatch writes = WriteBatch.builder().put(b("k"), b("w")).build();
      Writes.await(cb -> engine.commit(snapshot, List.of(b("k")), List.of(), writes, cb));
      WeirException conflict =
          Writes.fail(cb -> engine.commit(snapshot, List.of(b("k")), List.of(), writes, cb));

      assertInstanceOf(TransactionConflictException.class, conflict);
      EngineStats stats = engine.stats();
      assertEquals(1, stats.transactionCommits());
      assertEquals(1, stats.transactionConflicts());
      assertEquals(0, stats.pendingWrites());
      assertNull(stats.failure());
      assertFalse(stats.readOnly());
    }
  }

  @Test
  void watchersAndTheirOverflowsAreCounted() {
    EngineConfig config = EngineConfig.builder().changeLogCapacity(4).maxBatchOps(4).build();
    try (Engine engine = Engine.open(config)) {
      ChangeFeed slow = engine.watch(b(""), -1, () -> {});
      ChangeFeed other = engine.watch(b("x/"), -1, () -> {});
      assertEquals(2, engine.stats().watchers());
      for (int i = 0; i < 10; i++) {
        int n = i;
        Writes.await(cb -> engine.put(b("k" + n), b("v"), cb));
      }

      assertThrows(ChangesOverflowException.class, slow::poll);
      EngineStats stats = engine.stats();
      assertEquals(1, stats.changeOverflows());
      assertEquals(1, stats.watchers(), "the overflowed feed is closed");
      other.close();
      assertEquals(0, engine.stats().watchers());
    }
  }

  @Test
  void flushAndCompactionBytesAreCounted() {
    EngineConfig config = EngineConfig.builder().memtableBytes(64 * 1024).build();
    try (Engine engine = Engine.open(config)) {
      Bytes value = Bytes.wrap(new byte[100]);
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 500; i++) {
          int n = i;
          Writes.await(cb -> engine.put(b("key" + n), value, cb));
        }
        Writes.settle(engine);
      }

      EngineStats stats = engine.stats();
      assertTrue(stats.flushBytes() > 500 * 100, "flushed " + stats.flushBytes());
      assertTrue(stats.compactionBytesRead() > 0, "merged " + stats.compactionBytesRead());
      assertTrue(stats.compactionBytesWritten() > 0, "wrote " + stats.compactionBytesWritten());
    }
  }

  @Test
  void closeAfterWritesAppliesEveryWriteSubmittedBeforeIt() throws Exception {
    // the settings of WriteStallTest: compaction falls behind, so writes queue up
    EngineConfig config =
        EngineConfig.builder()
            .memtableBytes(8 * 1024)
            .maxFrozenMemtables(1)
            .level0RunsTrigger(2)
            .maxLevel0Runs(3)
            .level1Bytes(16 * 1024)
            .build();
    Engine engine = Engine.open(config);
    int writes = 20_000;
    AtomicInteger succeeded = new AtomicInteger();
    AtomicReference<WeirException> failure = new AtomicReference<>();
    Bytes value = Bytes.wrap(new byte[200]);
    WriteCallback callback =
        new WriteCallback() {
          @Override
          public void onSuccess(long sequence, long result) {
            succeeded.incrementAndGet();
          }

          @Override
          public void onError(WeirException error) {
            failure.set(error);
          }
        };
    for (int i = 0; i < writes; i++) {
      engine.put(b("k" + (i % 5000)), value, callback);
    }
    CompletableFuture<Void> closed = engine.closeAfterWrites();

    closed.get(60, TimeUnit.SECONDS);
    assertTrue(engine.isClosed());
    assertNull(failure.get(), "a write submitted before the close failed");
    assertEquals(writes, succeeded.get());
    assertInstanceOf(StoreClosedException.class, Writes.fail(cb -> engine.put(b("k"), value, cb)));
  }

  @Test
  void closeAfterWritesOnAClosedStoreCompletes() throws Exception {
    Engine engine = Engine.open(EngineConfig.defaults());
    engine.close();
    engine.closeAfterWrites().get(10, TimeUnit.SECONDS);
    assertTrue(engine.isClosed());
  }
}
