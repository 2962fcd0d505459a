package dev.weir.engine.memtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.key.KeyOrder;
import dev.weir.engine.key.ValueKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SkipListTest {

  /** Short keys over a tiny alphabet with 0x00 and 0xFF: many share their padded prefixes. */
  private static byte[] randomKey(Random r) {
    byte[] k = new byte[r.nextInt(13)];
    byte[] alphabet = {0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0xff};
    for (int i = 0; i < k.length; i++) {
      k[i] = alphabet[r.nextInt(alphabet.length)];
    }
    return k;
  }

  @Test
  void findsCeilingsAndLowersAsASortedMapDoes() {
    Random r = new Random(42);
    SkipList list = new SkipList();
    TreeMap<byte[], Long> model = new TreeMap<>(KeyOrder.UNSIGNED);
    for (long seq = 1; seq <= 20_000; seq++) {
      byte[] k = randomKey(r);
      boolean isNew = !model.containsKey(k);
      model.put(k, seq);
      assertEquals(isNew, list.add(k, seq, ValueKind.PUT, null, 0), "new key at " + seq);
      if (seq % 97 == 0) {
        for (int probe = 0; probe < 20; probe++) {
          byte[] q = randomKey(r);
          Long expected = model.get(q);
          SkipList.Node n = list.find(q);
          assertEquals(expected, n == null ? null : n.newest().seq);
          Map.Entry<byte[], Long> ceiling = model.ceilingEntry(q);
          SkipList.Node c = list.ceiling(q);
          assertEquals(ceiling == null ? null : ceiling.getValue(), c == null ? null : c.newest().seq);
          Map.Entry<byte[], Long> lower = model.lowerEntry(q);
          SkipList.Node l = list.lower(q);
          assertEquals(lower == null ? null : lower.getValue(), l == null ? null : l.newest().seq);
        }
      }
    }
    List<Long> walked = new ArrayList<>();
    for (SkipList.Node n = list.ceiling(null); n != null; n = n.next(0)) {
      walked.add(n.newest().seq);
    }
    assertEquals(new ArrayList<>(model.values()), walked);
    assertEquals(model.lastEntry().getValue(), list.lower(null).newest().seq);
  }

  @Test
  void anOverwriteKeepsTheOlderVersionsBehindTheNewest() {
    SkipList list = new SkipList();
    byte[] k = {1, 2, 3};
    list.add(k, 1, ValueKind.PUT, new byte[] {1}, 0);
    list.add(k.clone(), 2, ValueKind.DELETE, null, 0);
    list.add(k.clone(), 3, ValueKind.PUT, new byte[] {3}, 0);
    List<Long> seqs = new ArrayList<>();
    for (MemVersion v = list.find(k).newest(); v != null; v = v.older) {
      seqs.add(v.seq);
    }
    assertEquals(List.of(3L, 2L, 1L), seqs);
    assertEquals(2, list.find(k).newest().visibleAt(2).seq);
  }

  @Test
  void anEmptyListHasNoNodes() {
    SkipList list = new SkipList();
    assertTrue(list.isEmpty());
    assertNull(list.find(new byte[0]));
    assertNull(list.ceiling(null));
    assertNull(list.lower(null));
  }

  @Test
  void prefixesOrderAsTheirKeysWhereverTheyDiffer() {
    Random r = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      byte[] a = randomKey(r);
      byte[] b = randomKey(r);
      long pa = SkipList.prefixOf(a);
      long pb = SkipList.prefixOf(b);
      if (pa != pb) {
        assertEquals(
            Integer.signum(KeyOrder.compare(a, b)), Integer.signum(Long.compareUnsigned(pa, pb)));
      }
    }
  }

  /**
   * One writer inserts and overwrites while readers search and walk: every key whose insert
   * finished before a read began is found with at least that version, and every walk is
   * strictly ascending. Fixed seeds; the threads run until the writer is done, no sleeps.
   */
  @Test
  void readersRacingTheWriterSeeEveryFinishedInsertAndSortedWalks() throws Exception {
    SkipList list = new SkipList();
    int keys = 50_000;
    byte[][] order = new byte[keys][];
    Random shuffle = new Random(3);
    for (int i = 0; i < keys; i++) {
      order[i] = ByteBuffer.allocate(12).putInt(shuffle.nextInt()).putLong(i).array();
    }
    AtomicInteger finished = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < keys; i++) {
                list.add(order[i], i + 1, ValueKind.PUT, null, 0);
                if (i % 3 == 0 && i > 0) {
                  list.add(order[i / 2], keys + i, ValueKind.PUT, null, 0);
                }
                finished.lazySet(i + 1);
              }
            });
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Random r = new Random(100 + t);
      boolean walker = t == 1;
      readers.add(
          new Thread(
              () -> {
                try {
                  while (finished.get() < keys) {
                    int done = finished.get();
                    if (walker) {
                      byte[] previous = null;
                      int seen = 0;
                      for (SkipList.Node n = list.ceiling(null); n != null; n = n.next(0)) {
                        assertTrue(previous == null || KeyOrder.compare(previous, n.key) < 0);
                        previous = n.key;
                        seen++;
                      }
                      assertTrue(seen >= done, seen + " < " + done);
                    } else if (done > 0) {
                      int i = r.nextInt(done);
                      SkipList.Node n = list.find(order[i]);
                      assertNotNull(n, "key " + i);
                      assertTrue(n.newest().seq >= i + 1);
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              }));
    }
    readers.forEach(Thread::start);
    writer.start();
    writer.join();
    for (Thread t : readers) {
      t.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }
}
