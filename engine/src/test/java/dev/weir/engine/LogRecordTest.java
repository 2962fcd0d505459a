package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.changes.ChangeLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Log records ({@link WriteBatch.Builder#log}): a sequence number and a change event each, in
 * batch order, and nothing stored anywhere but the change log.
 */
class LogRecordTest {

  private Engine engine = Engine.open(EngineConfig.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  private static List<String> drain(ChangeFeed feed) {
    List<String> out = new ArrayList<>();
    for (ChangeEvent e; (e = feed.poll()) != null; ) {
      out.add(e.toString());
    }
    return out;
  }

  private void write(WriteBatch.Builder batch) {
    Writes.await(cb -> engine.write(batch.build(), cb));
  }

  @Test
  void logRecordsReachTheFeedInBatchOrderWithTheirSequencesAndAreNeverStored() {
    ChangeFeed feed = engine.watch(b(""), 1, () -> {});
    write(WriteBatch.builder()
        .put(b("t/a"), b("new"))
        .log(b("s/a"), b("old=none new=new"))
        .delete(b("t/b"))
        .log(b("s/b"), b("old=gone")));
    write(WriteBatch.builder().put(b("k"), b("stored")).log(b("k"), b("image")));
    assertEquals(
        List.of("1 PUT t/a=new", "2 LOG s/a=old=none new=new", "3 DELETE t/b",
            "4 LOG s/b=old=gone", "5 PUT k=stored", "6 LOG k=image"),
        drain(feed));

    assertNull(engine.get(b("s/a")));
    assertNull(engine.getEntry(b("s/b"), null));
    assertEquals(b("stored"), engine.get(b("k")), "a log record of a stored key overwrote it");
    assertEquals(5, engine.getEntry(b("k"), null).sequence());
    assertEquals(List.of(new KeyVersion(5, b("stored"))), engine.history(b("k")));
    assertEquals(List.of(), engine.history(b("s/a")));
    List<String> keys = new ArrayList<>();
    try (EntryCursor c = engine.scan(KeyRange.all(), null)) {
      for (Entry e; (e = c.next()) != null; ) {
        keys.add(e.key().asUtf8());
      }
    }
    assertEquals(List.of("k", "t/a"), keys);
    Writes.settle(engine); // nor do they appear in a run
    assertNull(engine.get(b("s/a")));
    assertEquals(2, engine.stats().entries());
  }

  @Test
  void aBatchOfOnlyLogRecordsTakesSequencesAndLeavesTheMemtableEmpty() {
    ChangeFeed feed = engine.watch(b("s/"), -1, () -> {});
    write(WriteBatch.builder().log(b("s/1"), b("x")).log(b("s/2"), Bytes.EMPTY));
    assertEquals(List.of("1 LOG s/1=x", "2 LOG s/2="), drain(feed));
    EngineStats stats = engine.stats();
    assertEquals(2, stats.lastSequence());
    assertEquals(0, stats.entries(), "log records counted as memtable entries");
    assertEquals(0, stats.valueBytes(), "log records counted as value bytes");
    assertEquals(1, stats.memtables());
  }

  @Test
  void watchFiltersLogRecordsByPrefixLikePuts() {
    ChangeFeed streamA = engine.watch(b("s/a/"), -1, () -> {});
    ChangeFeed all = engine.watch(b(""), -1, () -> {});
    write(WriteBatch.builder().log(b("s/a/1"), b("1")).log(b("s/b/1"), b("2"))
        .log(b("s/a/2"), b("3")));
    assertEquals(List.of("1 LOG s/a/1=1", "3 LOG s/a/2=3"), drain(streamA));
    assertEquals(3, drain(all).size());
  }

  @Test
  void aLogRecordOfAKeyATransactionReadIsNoConflict() {
    Writes.await(cb -> engine.put(b("k"), b("v"), cb));
    long snapshot = engine.stats().lastSequence();
    write(WriteBatch.builder().log(b("k"), b("image")).log(b("r/1"), b("image")));
    long result = Writes.await(cb -> engine.commit(snapshot, List.of(b("k")),
        List.of(KeyRange.prefix(b("r/"))), WriteBatch.builder().put(b("k"), b("w")).build(), cb));
    assertEquals(0, result);
    assertEquals(b("w"), engine.get(b("k")));
  }

  @Test
  void aCommitEmitsItsLogRecordsOnlyIfItsReadsHeld() {
    Writes.await(cb -> engine.put(b("k"), b("v"), cb));
    long snapshot = engine.stats().lastSequence();
    ChangeFeed feed = engine.watch(b("s/"), -1, () -> {});
    WriteBatch writes = WriteBatch.builder().log(b("s/k"), b("image")).build();
    Writes.await(cb -> engine.commit(snapshot, List.of(b("k")), List.of(), writes, cb));
    assertEquals(List.of("2 LOG s/k=image"), drain(feed));

    Writes.await(cb -> engine.put(b("k"), b("changed"), cb));
    WeirException conflict = Writes.fail(
        cb -> engine.commit(snapshot, List.of(b("k")), List.of(), writes, cb));
    assertInstanceOf(TransactionConflictException.class, conflict);
    Writes.await(cb -> engine.put(b("s/marker"), b("m"), cb));
    assertEquals(List.of("4 PUT s/marker=m"), drain(feed), "a conflicting commit was logged");
  }

  @Test
  void logRecordsAreCheckedLikePutsAndABadOneChangesNothing() {
    engine.close();
    engine = Engine.open(EngineConfig.builder().maxKeySize(64).maxValueSize(4096).build());
    int maxKey = engine.config().maxKeySize();
    int maxValue = engine.config().maxValueSize();
    List<Consumer<WriteBatch.Builder>> bad = List.of(
        w -> w.log(null, b("v")),
        w -> w.log(Bytes.EMPTY, b("v")),
        w -> w.log(Bytes.wrap(new byte[maxKey + 1]), b("v")),
        w -> w.log(b("k"), null),
        w -> w.log(b("k"), Bytes.wrap(new byte[maxValue + 1])));
    for (Consumer<WriteBatch.Builder> op : bad) {
      WriteBatch.Builder w = WriteBatch.builder().put(b("a"), b("1"));
      op.accept(w);
      WriteBatch batch = w.build();
      assertInstanceOf(InvalidArgumentException.class,
          Writes.fail(cb -> engine.write(batch, cb)), batch.toString());
      assertInstanceOf(InvalidArgumentException.class,
          Writes.fail(cb -> engine.commit(0, List.of(), List.of(), batch, cb)), batch.toString());
    }
    assertEquals(0, engine.stats().lastSequence());
    assertNull(engine.get(b("a")));
  }

  /** The store keeps a log record only in the change log, whose bytes are bounded. */
  @Test
  void logRecordsOfTwiceTheBudgetAreAcceptedAndPinOnlyTheChangeLog() {
    long budget = 1024 * 1024;
    engine.close();
    engine = Engine.open(
        EngineConfig.builder().maxMemoryBytes(budget).memtableBytes(256 * 1024).build());
    Bytes value = Bytes.wrap(new byte[1000]);
    long oneRecord = ChangeLog.cost(new byte[8], new byte[value.length()]);
    long empty = -1; // what the empty store accounts, its empty memtable's bloom filter mostly
    for (int i = 0; i < 2 * budget / value.length(); i++) {
      write(WriteBatch.builder().log(b(String.format("s/%06d", i)), value));
      if (i == 0) {
        empty = engine.stats().liveBytes() - oneRecord;
      }
    }
    EngineStats stats = engine.stats();
    assertEquals(0, stats.entries());
    assertEquals(0, stats.rejectedWrites());
    long ringBound = budget / 8; // the change log's byte bound for this budget
    assertTrue(stats.liveBytes() - empty <= ringBound + oneRecord, stats.toString());
  }

  @Test
  void aLogRecordsBytesCountInTheChangeLogAndEvictOlderChanges() {
    engine.close();
    engine = Engine.open(EngineConfig.builder().changeLogBytes(4096).build());
    Writes.await(cb -> engine.put(b("a"), b("1"), cb));
    for (int i = 0; i < 8; i++) {
      write(WriteBatch.builder().log(b("s/" + i), Bytes.wrap(new byte[1000])));
    }
    assertThrows(ChangesUnavailableException.class, () -> engine.watch(b(""), 1, () -> {}));
    assertEquals(List.of("9 LOG s/7=" + Bytes.wrap(new byte[1000])),
        drain(engine.watch(b(""), 9, () -> {})));
  }

  /**
   * Batches queued together are applied in one group only while their changes fit the change
   * log, log records included: each batch below fills the log, so each needs a group of its own
   * or a watcher that keeps up would find its first changes overwritten.
   */
  @Test
  void queuedBatchesOfLogRecordsThatFillTheChangeLogAreEachWatchedWhole() {
    engine.close();
    engine = Engine.open(EngineConfig.builder().changeLogCapacity(16).build());
    int batches = 4;
    int perBatch = engine.config().maxBatchOps();
    assertEquals(16, perBatch);
    List<ChangeEvent> seen = new ArrayList<>();
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    ChangeFeed[] feed = new ChangeFeed[1];
    feed[0] = engine.watch(b(""), -1, () -> {
      try {
        for (ChangeEvent e; (e = feed[0].poll()) != null; ) {
          seen.add(e);
        }
      } catch (WeirException e) {
        failed.complete(e);
      }
    });
    List<CompletableFuture<Long>> done = new ArrayList<>();
    // writes made inside a completion are only queued, and applied after it in groups
    Writes.await(cb -> engine.put(b("start"), b("1"), new WriteCallback() {
      @Override
      public void onSuccess(long sequence, long result) {
        for (int n = 0; n < batches; n++) {
          WriteBatch.Builder w = WriteBatch.builder();
          for (int i = 0; i < perBatch; i++) {
            w.log(b("s/" + n + "/" + i), b("v"));
          }
          CompletableFuture<Long> f = new CompletableFuture<>();
          done.add(f);
          engine.write(w.build(), Writes.callback(f));
        }
        cb.onSuccess(sequence, result);
      }

      @Override
      public void onError(WeirException error) {
        cb.onError(error);
      }
    }));
    done.forEach(CompletableFuture::join);
    assertTrue(!failed.isDone(), () -> "the watcher overflowed: " + failed.join());
    assertEquals(1 + batches * perBatch, seen.size());
    assertEquals(1 + batches, engine.stats().writeGroups(), engine.stats().toString());
  }
}
