package dev.weir.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.DiskFullException;
import dev.weir.engine.StorageFailedException;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WeirException;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.FaultyDirectory;
import dev.weir.engine.vfs.LocalDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalWriterTest {

  private static final long SEGMENT = 64L << 20;

  @TempDir Path tmp;

  private static Appended append(WalWriter wal, WalRecord... records) {
    Appended a = new Appended();
    wal.append(List.of(records), a);
    return a;
  }

  private static void closed(WalWriter wal) throws Exception {
    wal.close().get(30, TimeUnit.SECONDS);
  }

  @Test
  void appendedRecordsReplayInOrderAcrossRotatedSegments() throws Exception {
    LocalDirectory dir = LocalDirectory.open(tmp);
    List<WalRecord> records = new RandomRecords(16_101, 1).next(300);
    WalWriter wal = WalWriter.start(dir, SyncPolicy.ALWAYS, 2_000, 1);
    for (WalRecord r : records) { // one group each: a group never spans two segments
      assertEquals(r.lastSeq(), append(wal, r).durable());
    }
    closed(wal);
    assertTrue(SegmentName.list(dir).size() > 5, "segments: " + SegmentName.list(dir));

    long from = records.get(150).firstSeq() + records.get(150).entries().size() / 2;
    List<WalRecord> expected = new ArrayList<>();
    expected.add(records.get(150).from(from));
    expected.addAll(records.subList(151, 300));
    ReplayReport[] report = new ReplayReport[1];
    assertEquals(expected, Segments.replayed(dir, from, false, report));
    assertNull(report[0].cut());
  }

  @Test
  void aReopenedLogContinuesInANewSegmentAfterItsTornTailIsCut() throws Exception {
    LocalDirectory dir = LocalDirectory.open(tmp);
    RandomRecords gen = new RandomRecords(16_102, 1);
    List<WalRecord> before = gen.next(10);
    WalWriter wal = WalWriter.start(dir, SyncPolicy.ALWAYS, SEGMENT, 1);
    for (WalRecord r : before) {
      append(wal, r);
    }
    closed(wal);
    byte[] one = Segments.read(tmp, 1);
    Segments.write(tmp, 1, java.util.Arrays.copyOf(one, one.length + 7)); // a torn write
    List<WalRecord> replayed = new ArrayList<>();
    ReplayReport report = WalReader.replay(dir, 1, false, replayed::add);
    assertEquals(7, report.tornTail().bytes());
    WalRepair.apply(dir, report);

    WalRecord after = gen.next();
    WalWriter reopened = WalWriter.start(dir, SyncPolicy.ALWAYS, SEGMENT, report.lastSeq() + 1);
    assertEquals(after.lastSeq(), append(reopened, after).durable());
    closed(reopened);
    List<WalRecord> all = new ArrayList<>(before);
    all.add(after);
    assertEquals(all, Segments.replayed(dir, 1, false, null));
    assertEquals(List.of(SegmentName.of(1), SegmentName.of(2)), SegmentName.list(dir));
  }

  @Test
  void appendsFromSeveralThreadsShareFsyncsAndEachLearnsItsDurableSequence() throws Exception {
    GatedDirectory gated = new GatedDirectory(LocalDirectory.open(tmp));
    WalWriter wal = WalWriter.start(gated, SyncPolicy.ALWAYS, SEGMENT, 1);
    Object order = new Object();
    long[] next = {1};
    List<Appended> outcomes = new ArrayList<>();
    List<WalRecord> appended = new ArrayList<>();
    Runnable appender = () -> {
      for (int i = 0; i < 250; i++) {
        synchronized (order) { // the write loop's role: appends in sequence order
          WalRecord r = WalRecord.of(next[0]++, WalEntry.put(new byte[] {(byte) i}, new byte[8],
              0));
          appended.add(r);
          outcomes.add(append(wal, r));
        }
      }
    };
    synchronized (order) {
      WalRecord r = WalRecord.of(next[0]++, WalEntry.delete(new byte[] {0}));
      appended.add(r);
      outcomes.add(append(wal, r));
    }
    gated.awaitSyncing(); // the first group holds the WAL thread in its fsync
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(appender, "appender-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join(30_000);
    }
    gated.open();
    for (int i = 0; i < outcomes.size(); i++) {
      long durable = outcomes.get(i).durable();
      assertTrue(durable >= appended.get(i).lastSeq(), "append " + i + " durable at " + durable);
    }
    closed(wal);
    assertEquals(1001, wal.appends());
    assertTrue(wal.syncs() <= 2, "1,001 appends queued behind one fsync took " + wal.syncs());
    assertEquals(appended, Segments.replayed(gated, 1, false, null));
  }

  @Test
  void closeWritesWhatIsQueuedAndRefusesLaterAppends() throws Exception {
    GatedDirectory gated = new GatedDirectory(LocalDirectory.open(tmp));
    WalWriter wal = WalWriter.start(gated, SyncPolicy.ALWAYS, SEGMENT, 1);
    List<WalRecord> records = new RandomRecords(16_103, 1).next(101);
    List<Appended> outcomes = new ArrayList<>();
    outcomes.add(append(wal, records.get(0)));
    gated.awaitSyncing();
    for (WalRecord r : records.subList(1, 101)) {
      outcomes.add(append(wal, r));
    }
    var closing = wal.close();
    Appended late = append(wal, new RandomRecords(1, records.get(100).lastSeq() + 1).next());
    assertInstanceOf(StoreClosedException.class, late.error());
    gated.open();
    closing.get(30, TimeUnit.SECONDS);
    for (Appended a : outcomes) {
      assertTrue(a.outcome.isDone());
      a.durable();
    }
    assertEquals(records, Segments.replayed(gated, 1, false, null));
  }

  @Test
  void aFailedFsyncFailsItsGroupAndEveryLaterAppend() throws Exception {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    faults.failSync(3);
    WalWriter wal = WalWriter.start(faults, SyncPolicy.ALWAYS, SEGMENT, 1);
    List<WalRecord> records = new RandomRecords(16_104, 1).next(8);
    for (int i = 0; i < 3; i++) {
      assertEquals(records.get(i).lastSeq(), append(wal, records.get(i)).durable());
    }
    for (int i = 3; i < 8; i++) {
      WeirException e = append(wal, records.get(i)).error();
      assertInstanceOf(StorageFailedException.class, e, "append " + i);
    }
    assertEquals(4, faults.syncs(), "nothing is synced after the failed fsync");
    ExecutionException closing = assertThrows(ExecutionException.class,
        () -> wal.close().get(30, TimeUnit.SECONDS));
    assertInstanceOf(StorageFailedException.class, closing.getCause());
    List<WalRecord> replayed = Segments.replayed(faults, 1, false, null);
    assertEquals(records.subList(0, 4), replayed, "the unacknowledged fourth was written");
  }

  @Test
  void aFailedWriteFailsItsGroupAndEveryLaterAppend() throws Exception {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    faults.failWrite(2);
    WalWriter wal = WalWriter.start(faults, SyncPolicy.ALWAYS, SEGMENT, 1);
    List<WalRecord> records = new RandomRecords(16_105, 1).next(5);
    append(wal, records.get(0)).durable();
    append(wal, records.get(1)).durable();
    for (int i = 2; i < 5; i++) {
      assertInstanceOf(StorageFailedException.class, append(wal, records.get(i)).error());
    }
    assertEquals(3, faults.writes(), "nothing is written after the failed write");
    assertThrows(ExecutionException.class, () -> wal.close().get(30, TimeUnit.SECONDS));
    assertEquals(records.subList(0, 2), Segments.replayed(faults, 1, false, null));
  }

  @Test
  void aShortWriteFailsTheStoreAndLeavesATornTailThatReplayCuts() throws Exception {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    faults.shortWrite(1, 10);
    WalWriter wal = WalWriter.start(faults, SyncPolicy.ALWAYS, SEGMENT, 1);
    List<WalRecord> records = new RandomRecords(16_106, 1).next(3);
    append(wal, records.get(0)).durable();
    assertInstanceOf(StorageFailedException.class, append(wal, records.get(1)).error());
    assertInstanceOf(StorageFailedException.class, append(wal, records.get(2)).error());
    assertThrows(ExecutionException.class, () -> wal.close().get(30, TimeUnit.SECONDS));
    ReplayReport[] report = new ReplayReport[1];
    assertEquals(records.subList(0, 1), Segments.replayed(faults, 1, false, report));
    assertEquals(10, report[0].tornTail().bytes());
  }

  @Test
  void aFullDiskFailsWithDiskFullAndLeavesTheLogEndingOnAWholeRecord() throws Exception {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    WalWriter wal = WalWriter.start(faults, SyncPolicy.ALWAYS, SEGMENT, 1);
    List<WalRecord> records = new RandomRecords(16_107, 1).next(4);
    append(wal, records.get(0)).durable();
    faults.limitSpace(5);
    assertInstanceOf(DiskFullException.class, append(wal, records.get(1)).error());
    faults.limitSpace(Long.MAX_VALUE);
    assertInstanceOf(DiskFullException.class, append(wal, records.get(2)).error(),
        "fail-stop: the store must be reopened once space is freed");
    assertThrows(ExecutionException.class, () -> wal.close().get(30, TimeUnit.SECONDS));
    ReplayReport[] report = new ReplayReport[1];
    assertEquals(records.subList(0, 1), Segments.replayed(faults, 1, false, report));
    assertNull(report[0].cut(), "the partial write was cut away");
  }

  @Test
  void everyIntervalAcknowledgesAfterTheWriteAndSyncsAtClose() throws Exception {
    FaultyDirectory counted = new FaultyDirectory(LocalDirectory.open(tmp));
    WalWriter wal = WalWriter.start(counted, SyncPolicy.every(Duration.ofHours(1)), SEGMENT, 1);
    List<WalRecord> records = new RandomRecords(16_108, 1).next(20);
    for (WalRecord r : records) {
      assertEquals(r.lastSeq(), append(wal, r).durable());
    }
    assertEquals(0, counted.syncs(), "no interval passed");
    closed(wal);
    assertEquals(1, counted.syncs());
    assertEquals(records, Segments.replayed(counted, 1, false, null));
  }

  @Test
  void noneNeverSyncsUntilClose() throws Exception {
    FaultyDirectory counted = new FaultyDirectory(LocalDirectory.open(tmp));
    WalWriter wal = WalWriter.start(counted, SyncPolicy.NONE, SEGMENT, 1);
    List<WalRecord> records = new RandomRecords(16_109, 1).next(20);
    for (WalRecord r : records) {
      append(wal, r).durable();
    }
    assertEquals(0, counted.syncs());
    closed(wal);
    assertEquals(1, counted.syncs());
  }

  @Test
  void anEmptyAppendCompletesAfterEverythingBeforeIt() throws Exception {
    WalWriter wal = WalWriter.start(LocalDirectory.open(tmp), SyncPolicy.ALWAYS, SEGMENT, 1);
    WalRecord r = new RandomRecords(16_110, 1).next();
    Appended first = append(wal, r);
    Appended empty = append(wal);
    assertEquals(r.lastSeq(), empty.durable());
    assertTrue(first.outcome.isDone());
    closed(wal);
  }

  @Test
  void anAppendOutOfSequenceIsRefusedAloneAndTheLogGoesOn() throws Exception {
    WalWriter wal = WalWriter.start(LocalDirectory.open(tmp), SyncPolicy.ALWAYS, SEGMENT, 1);
    WalRecord one = WalRecord.of(1, WalEntry.delete(new byte[] {1}));
    WalRecord skipping = WalRecord.of(5, WalEntry.delete(new byte[] {5}));
    WalRecord two = WalRecord.of(2, WalEntry.delete(new byte[] {2}));
    append(wal, one).durable();
    WeirException refused = append(wal, skipping).error();
    assertTrue(refused.getMessage().contains("expects 2"), refused.getMessage());
    assertEquals(2, append(wal, two).durable());
    closed(wal);
    assertEquals(List.of(one, two), Segments.replayed(LocalDirectory.open(tmp), 1, false, null));
  }

  @Test
  void aLogThatCannotStartItsSegmentFailsTheAppends() throws Exception {
    Directory dir = LocalDirectory.open(tmp.resolve("gone"));
    java.nio.file.Files.delete(tmp.resolve("gone"));
    WalWriter wal = WalWriter.start(dir, SyncPolicy.ALWAYS, SEGMENT, 1);
    assertInstanceOf(StorageFailedException.class,
        append(wal, WalRecord.of(1, WalEntry.delete(new byte[] {1}))).error());
    assertThrows(ExecutionException.class, () -> wal.close().get(30, TimeUnit.SECONDS));
  }
}
