package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.vfs.FaultyDirectory;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.wal.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A durable engine: what it acknowledges survives a reopen; a failing disk is fail-stop. */
class DurableEngineTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final List<Engine> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (Engine e : opened) {
      try {
        e.closeAsync().get(30, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // a fail-stopped store's close reports its failure again
      }
    }
  }

  private EngineConfig config() {
    return EngineConfig.builder().directory(dir).clock(clock).memtableBytes(64 * 1024).build();
  }

  private Engine open() {
    Engine e = Engine.open(config());
    opened.add(e);
    return e;
  }

  private Engine open(FaultyDirectory faulty) {
    Engine e = Engine.open(config(), faulty);
    opened.add(e);
    return e;
  }

  private static void close(Engine e) throws Exception {
    e.closeAsync().get(30, TimeUnit.SECONDS);
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  private static String s(Bytes b) {
    return b == null ? null : b.asUtf8();
  }

  @Test
  void everyAcknowledgedKindOfWriteSurvivesAReopenWithItsSequence() throws Exception {
    Engine e = open();
    Writes.await(cb -> e.put(b("a"), b("1"), cb));
    Writes.await(cb -> e.put(b("ttl"), b("short"), Duration.ofSeconds(10), -1, cb));
    Writes.await(cb -> e.write(WriteBatch.builder()
        .put(b("b"), b("2")).put(b("c"), b("3")).delete(b("a")).log(b("note"), b("hi"))
        .build(), cb));
    Writes.await(cb -> e.put(b("r/1"), b("x"), cb));
    Writes.await(cb -> e.put(b("r/2"), b("y"), cb));
    Writes.await(cb -> e.deletePrefix(b("r/"), cb));
    long seq = e.snapshot().sequence();
    close(e);

    Engine again = open();
    assertEquals(seq, again.snapshot().sequence());
    assertNull(again.get(b("a")));
    assertEquals("2", s(again.get(b("b"))));
    assertEquals("3", s(again.get(b("c"))));
    assertNull(again.get(b("r/1")));
    assertNull(again.get(b("note")), "a log record is never stored");
    assertEquals("short", s(again.get(b("ttl"))));
    clock.advance(10_001);
    assertNull(again.get(b("ttl")), "the time to live survives too");
    Writes.await(cb -> again.put(b("after"), b("4"), cb));
    assertEquals(seq + 1, again.snapshot().sequence());
  }

  @Test
  void theChangeFeedResumesAcrossAReopenWithLogRecordsAndDeletes() throws Exception {
    Engine e = open();
    Writes.await(cb -> e.put(b("k"), b("v"), cb));
    Writes.await(cb -> e.write(WriteBatch.builder().delete(b("k")).log(b("s"), b("img"))
        .build(), cb));
    close(e);

    Engine again = open();
    ChangeFeed feed = again.watch(b(""), 1, () -> {});
    List<String> seen = new ArrayList<>();
    for (ChangeEvent c; (c = feed.poll()) != null; ) {
      seen.add(c.toString());
    }
    assertEquals(List.of("1 PUT k=v", "2 DELETE k", "3 LOG s=img"), seen);
  }

  @Test
  void aSecondOpenOfTheDirectoryIsRefusedAndTheOwnerKeepsWorking() throws Exception {
    Engine e = open();
    assertThrows(StoreLockedException.class, () -> Engine.open(config()));
    Writes.await(cb -> e.put(b("k"), b("v"), cb));
    close(e);
    Engine again = open();
    assertEquals("v", s(again.get(b("k"))));
  }

  @Test
  void aFailedFsyncFailsTheWriteHidesItAndStopsLaterWritesWhileReadsGoOn() throws Exception {
    FaultyDirectory faulty = new FaultyDirectory(LocalDirectory.open(dir));
    Engine e = open(faulty);
    Writes.await(cb -> e.put(b("kept"), b("1"), cb));
    faulty.failSync(0);
    WeirException failed = Writes.fail(cb -> e.put(b("lost"), b("2"), cb));
    assertInstanceOf(StorageFailedException.class, failed);
    assertNull(e.get(b("lost")), "a write that was not synced is never visible");
    assertEquals("1", s(e.get(b("kept"))));
    WeirException later = Writes.fail(cb -> e.put(b("later"), b("3"), cb));
    assertInstanceOf(StorageFailedException.class, later);
    assertFalse(later.retryable());
    ExecutionException closing =
        assertThrows(ExecutionException.class, () -> e.closeAsync().get(30, TimeUnit.SECONDS));
    assertInstanceOf(StorageFailedException.class, closing.getCause(),
        "closing reports that the log could not be synced");
  }

  @Test
  void aFullDiskIsATypedErrorThatKeepsReadsWorkingAndLosesNothingAcknowledged()
      throws Exception {
    FaultyDirectory faulty = new FaultyDirectory(LocalDirectory.open(dir));
    Engine e = open(faulty);
    Writes.await(cb -> e.put(b("kept"), b("1"), cb));
    faulty.limitSpace(0);
    assertInstanceOf(DiskFullException.class,
        Writes.fail(cb -> e.put(b("big"), Bytes.wrap(new byte[8192]), cb)));
    assertEquals("1", s(e.get(b("kept"))));
    assertInstanceOf(DiskFullException.class,
        Writes.fail(cb -> e.put(b("next"), b("2"), cb)));
    e.closeAsync().exceptionally(x -> null).get(30, TimeUnit.SECONDS);
    opened.remove(e);

    Engine again = open();
    assertEquals("1", s(again.get(b("kept"))));
    assertNull(again.get(b("big")));
    Writes.await(cb -> again.put(b("next"), b("2"), cb));
  }

  @Test
  void manyWritesInFlightShareSyncsAndAllSurvive() throws Exception {
    Engine e = open();
    List<CompletableFuture<Long>> acks = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      CompletableFuture<Long> f = new CompletableFuture<>();
      e.put(b("k" + i), b("v" + i), Writes.callback(f));
      acks.add(f);
    }
    CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
    close(e);
    Engine again = open();
    for (int i = 0; i < 5000; i++) {
      assertEquals("v" + i, s(again.get(b("k" + i))));
    }
  }

  @Test
  void flushedRunsGoToDiskTheLogIsTruncatedAndAReopenReadsRunsPlusTheLogTail()
      throws Exception {
    EngineConfig small = config().toBuilder().walSegmentBytes(8192).build();
    Engine e = Engine.open(small);
    opened.add(e);
    for (int i = 0; i < 3000; i++) {
      int n = i;
      Writes.await(cb -> e.put(b(String.format("k%05d", n)), b("v" + n), cb));
    }
    Writes.await(cb -> e.deleteRange(b("k00100"), b("k00200"), cb));
    Writes.settle(e);
    for (int i = 3000; i < 3100; i++) {
      int n = i;
      Writes.await(cb -> e.put(b(String.format("k%05d", n)), b("v" + n), cb));
    }
    List<String> files = List.of(dir.toFile().list());
    assertTrue(files.stream().anyMatch(f -> f.endsWith(".run")), files.toString());
    assertTrue(files.contains("CURRENT"), files.toString());
    assertTrue(files.stream().anyMatch(f -> f.startsWith("MANIFEST-")), files.toString());
    assertFalse(files.contains("000001.wal"), "the flushed log's first segment is released: "
        + files);
    long seq = e.snapshot().sequence();
    close(e);

    Engine again = Engine.open(small);
    opened.add(again);
    assertEquals(seq, again.snapshot().sequence());
    assertTrue(again.recovery().records() < 3100, "only the log's tail is replayed: "
        + again.recovery());
    for (int i = 0; i < 3100; i++) {
      String v = s(again.get(b(String.format("k%05d", i))));
      assertEquals(i >= 100 && i < 200 ? null : "v" + i, v, "key " + i);
    }
    Writes.settle(again);
    Writes.await(cb -> again.put(b("after"), b("x"), cb));
    close(again);
    Engine third = Engine.open(small);
    opened.add(third);
    assertEquals("x", s(third.get(b("after"))));
    assertEquals("v2999", s(third.get(b("k02999"))));
    assertNull(third.get(b("k00150")));
  }

  @Test
  void runsMovedDownUnmergedKeepTheirFilesAndReopen() throws Exception {
    // sequential keys flush disjoint runs, which compaction moves down rather than rewrites
    Engine e = open();
    for (int i = 0; i < 6000; i++) {
      int n = i;
      Writes.await(cb -> e.put(b(String.format("m%05d", n)), b("v" + n), cb));
    }
    e.compactionIdle().get(60, TimeUnit.SECONDS);
    EngineStats stats = e.stats();
    assertTrue(stats.runsPerLevel().size() > 1 && stats.runsPerLevel().get(1) > 1,
        "runs reached level 1: " + stats.runsPerLevel());
    long runs = stats.runsPerLevel().stream().mapToLong(Integer::longValue).sum();
    String[] files = dir.toFile().list((d, name) -> name.endsWith(".run"));
    assertEquals(runs, files.length, "one file per live run: " + List.of(files));
    close(e);

    Engine again = open();
    assertEquals(stats.runsPerLevel(), again.stats().runsPerLevel());
    for (int i = 0; i < 6000; i++) {
      assertEquals("v" + i, s(again.get(b(String.format("m%05d", i)))), "key " + i);
    }
  }

  @Test
  void noSyncPolicyStillRecoversWhatAClosedStoreWrote() throws Exception {
    Engine e = Engine.open(config().toBuilder().syncPolicy(SyncPolicy.NONE).build());
    opened.add(e);
    Writes.await(cb -> e.put(b("k"), b("v"), cb));
    close(e);
    Engine again = open();
    assertEquals("v", s(again.get(b("k"))));
    assertTrue(again.config().isDurable());
  }
}
