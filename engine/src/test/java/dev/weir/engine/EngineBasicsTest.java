package dev.weir.engine;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineBasicsTest {

  private final Engine engine = Engine.open(EngineConfig.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void putThenGetReturnsTheValueOnTheCallersThread() {
    Writes.await(cb -> engine.put(b("k"), b("v"), cb));
    assertEquals(b("v"), engine.get(b("k")));
    assertNull(engine.get(b("absent")));
  }

  @Test
  void deleteReportsWhetherALiveValueExisted() {
    Writes.await(cb -> engine.put(b("k"), b("v"), cb));
    assertEquals(1, Writes.await(cb -> engine.delete(b("k"), cb)));
    assertEquals(0, Writes.await(cb -> engine.delete(b("k"), cb)));
    assertNull(engine.get(b("k")));
  }

  @Test
  void emptyValueIsStoredAndDistinctFromAbsent() {
    Writes.await(cb -> engine.put(b("k"), Bytes.EMPTY, cb));
    assertEquals(Bytes.EMPTY, engine.get(b("k")));
  }

  @Test
  void deletePrefixCountsAndHidesEveryKeyUnderThePrefix() {
    for (int i = 0; i < 10; i++) {
      int n = i;
      Writes.await(cb -> engine.put(b("p:" + n), b("v"), cb));
    }
    Writes.await(cb -> engine.put(b("q:1"), b("v"), cb));
    Writes.await(cb -> engine.delete(b("p:3"), cb));
    assertEquals(9, Writes.await(cb -> engine.deletePrefix(b("p:"), cb)));
    assertEquals(List.of("q:1"), keys(KeyRange.all()));
    Writes.await(cb -> engine.put(b("p:5"), b("again"), cb));
    assertEquals(List.of("p:5", "q:1"), keys(KeyRange.all()));
  }

  @Test
  void scanHonoursBoundsDirectionAndLimit() {
    for (String k : new String[] {"a", "b", "c", "d", "e"}) {
      Writes.await(cb -> engine.put(b(k), b(k.toUpperCase()), cb));
    }
    assertEquals(List.of("b", "c", "d"), keys(KeyRange.of(b("b"), b("e"))));
    assertEquals(List.of("d", "c", "b"), keys(KeyRange.of(b("b"), b("e")).reversed()));
    assertEquals(List.of("e", "d"), keys(KeyRange.all().reversed().limit(2)));
    assertEquals(List.of(), keys(KeyRange.of(b("c"), b("c"))));
    assertThrows(InvalidArgumentException.class, () -> engine.scan(KeyRange.of(b("e"), b("a")), null));
    assertThrows(InvalidArgumentException.class, () -> engine.scan(KeyRange.all().limit(0), null));
  }

  @Test
  void snapshotSeesTheStateAtItsSequence() {
    Writes.await(cb -> engine.put(b("k"), b("old"), cb));
    Snapshot s = engine.snapshot();
    Writes.await(cb -> engine.put(b("k"), b("new"), cb));
    assertEquals(b("old"), engine.get(b("k"), s));
    assertEquals(b("new"), engine.get(b("k")));
    assertEquals(1, engine.stats().openSnapshots());
    s.close();
    s.close();
    assertEquals(0, engine.stats().openSnapshots());
    assertThrows(SnapshotClosedException.class, () -> engine.get(b("k"), s));
  }

  @Test
  void badArgumentsAreTypedErrorsAndChangeNothing() {
    WeirException e = Writes.fail(cb -> engine.put(b(""), b("v"), cb));
    assertInstanceOf(InvalidArgumentException.class, e);
    assertInstanceOf(InvalidArgumentException.class, Writes.fail(cb -> engine.put(null, b("v"), cb)));
    assertInstanceOf(InvalidArgumentException.class, Writes.fail(cb -> engine.put(b("k"), null, cb)));
    assertInstanceOf(
        InvalidArgumentException.class,
        Writes.fail(cb -> engine.write(WriteBatch.builder().build(), cb)));
    assertEquals(0, engine.stats().lastSequence());
  }

  @Test
  void closedStoreRefusesEverythingAndCloseIsIdempotent() {
    engine.close();
    engine.close();
    assertInstanceOf(StoreClosedException.class, Writes.fail(cb -> engine.put(b("k"), b("v"), cb)));
    assertThrows(StoreClosedException.class, () -> engine.get(b("k")));
    assertTrue(engine.isClosed());
  }

  @Test
  void everyFutureOfAClosedEngineCompletesWithStoreClosed() {
    engine.close();
    for (CompletableFuture<?> f : List.of(engine.sweepExpired(), engine.flushAndCompact())) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, SECONDS));
      assertInstanceOf(StoreClosedException.class, e.getCause());
    }
  }

  /** Regression: a sweep queued on the compactor as it stopped was dropped, its future never done. */
  @Test
  void expirySweepsRequestedAsTheEngineClosesAllComplete() throws Exception {
    for (int round = 0; round < 200; round++) {
      Engine e = Engine.open(EngineConfig.defaults());
      List<CompletableFuture<Long>> sweeps = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        sweeps.add(e.sweepExpired());
        if (i == 10) {
          e.close();
        }
      }
      for (CompletableFuture<Long> f : sweeps) {
        try {
          f.get(30, SECONDS);
        } catch (ExecutionException failed) {
          assertInstanceOf(StoreClosedException.class, failed.getCause(), "round " + round);
        }
      }
    }
  }

  @Test
  void rotationFlushAndCompactionKeepEveryValueReadable() {
    try (Engine small =
        Engine.open(
            EngineConfig.builder().memtableBytes(4096).level1Bytes(16 * 1024).build())) {
      for (int i = 0; i < 5000; i++) {
        int n = i;
        Writes.await(cb -> small.put(b(String.format("key%05d", n % 2000)), b("v" + n), cb));
      }
      Writes.settle(small);
      for (int i = 3000; i < 5000; i++) {
        assertEquals(b("v" + i), small.get(b(String.format("key%05d", i % 2000))), "key " + i);
      }
      EngineStats stats = small.stats();
      assertTrue(stats.flushes() > 0, stats.toString());
      assertTrue(stats.compactions() > 0, stats.toString());
      List<String> all = new ArrayList<>();
      try (EntryCursor c = small.scan(KeyRange.all(), null)) {
        for (Entry e; (e = c.next()) != null; ) {
          all.add(e.key().asUtf8());
        }
      }
      assertEquals(2000, all.size());
      assertFalse(stats.runsPerLevel().isEmpty());
    }
  }

  private List<String> keys(KeyRange range) {
    List<String> out = new ArrayList<>();
    try (EntryCursor c = engine.scan(range, null)) {
      for (Entry e; (e = c.next()) != null; ) {
        out.add(e.key().asUtf8());
      }
    }
    return out;
  }
}
