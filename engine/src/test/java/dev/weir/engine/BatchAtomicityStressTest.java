package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * RocksDB's db_stress check of batch atomicity: 4 writers commit batches of 10 keys that share
 * one value while 4 readers scan under snapshots. Every snapshot must see each group of 10 keys
 * whole (all the same value) or not at all, and a reader must never see a key's sequence go
 * backwards. A tiny memtable keeps flushes and compactions running underneath.
 */
class BatchAtomicityStressTest {

  private static final int WRITERS = 4;
  private static final int READERS = 4;
  private static final int GROUPS = 16;
  private static final int GROUP_SIZE = 10;
  private static final int BATCHES_PER_WRITER = 5_000;

  @Test
  void everySnapshotSeesEachBatchWholeOrNotAtAll() throws Exception {
    EngineConfig config =
        EngineConfig.builder().memtableBytes(16 * 1024).level1Bytes(64 * 1024).build();
    try (Engine engine = Engine.open(config)) {
      ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong snapshotsChecked = new AtomicLong();
      CountDownLatch writersDone = new CountDownLatch(WRITERS);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        threads.add(
            new Thread(
                () -> {
                  SplittableRandom rnd = new SplittableRandom(1000 + writer);
                  for (int i = 0; i < BATCHES_PER_WRITER; i++) {
                    int group = rnd.nextInt(GROUPS);
                    Bytes value = Bytes.utf8("w" + writer + "-" + i);
                    WriteBatch.Builder batch = WriteBatch.builder();
                    for (int k = 0; k < GROUP_SIZE; k++) {
                      batch.put(key(group, k), value);
                    }
                    Writes.await(cb -> engine.write(batch.build(), cb));
                  }
                  writersDone.countDown();
                },
                "writer-" + w));
      }
      for (int r = 0; r < READERS; r++) {
        threads.add(
            new Thread(
                () -> {
                  Map<Bytes, Long> lastSeq = new HashMap<>();
                  boolean last = false;
                  while (!last) {
                    last = !writing.get();
                    try (Snapshot s = engine.snapshot()) {
                      check(engine, s, lastSeq, violations);
                      snapshotsChecked.incrementAndGet();
                    }
                  }
                },
                "reader-" + r));
      }
      threads.forEach(Thread::start);
      assertTrue(writersDone.await(120, TimeUnit.SECONDS), "writers did not finish");
      writing.set(false);
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(60));
      }
      assertTrue(violations.isEmpty(), () -> violations.size() + " violations, e.g. " + violations.peek());
      assertTrue(snapshotsChecked.get() >= READERS, "readers checked " + snapshotsChecked);
      assertEquals(0, engine.stats().openSnapshots());
      assertEquals(0, engine.stats().compactionFailures());
      assertEquals(WRITERS * BATCHES_PER_WRITER * GROUP_SIZE, engine.stats().lastSequence());
    }
  }

  private static void check(
      Engine engine, Snapshot s, Map<Bytes, Long> lastSeq, ConcurrentLinkedQueue<String> out) {
    Map<Integer, List<Entry>> byGroup = new HashMap<>();
    try (EntryCursor c = engine.scan(KeyRange.prefix(Bytes.utf8("g")), s)) {
      for (Entry e; (e = c.next()) != null; ) {
        int group = Integer.parseInt(e.key().asUtf8().substring(1, 3));
        byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(e);
        Long before = lastSeq.put(e.key(), e.sequence());
        if (before != null && before > e.sequence()) {
          out.add(e.key() + " went back from seq " + before + " to " + e.sequence());
        }
      }
    }
    for (Map.Entry<Integer, List<Entry>> g : byGroup.entrySet()) {
      List<Entry> entries = g.getValue();
      boolean whole =
          entries.size() == GROUP_SIZE
              && entries.stream().allMatch(e -> e.value().equals(entries.get(0).value()));
      if (!whole) {
        out.add("group " + g.getKey() + " torn at " + s + ": " + entries);
      }
    }
  }

  private static Bytes key(int group, int k) {
    return Bytes.utf8(String.format("g%02d-%d", group, k));
  }
}
