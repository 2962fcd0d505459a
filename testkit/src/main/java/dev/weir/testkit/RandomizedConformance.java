package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import dev.weir.reactive.StoreSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;
import reactor.core.scheduler.Schedulers;

/**
 * The randomised and concurrent part of the conformance suite: a seeded model test against a
 * {@link TreeMap} (H2's {@code TestRandomMapOps}, LevelDB's {@code ModelDB}), batch atomicity
 * under concurrent readers, and writers racing a close. Seeds are printed on failure.
 */
public abstract class RandomizedConformance extends StoreFixture {

  private static final int SEQUENCES = 30;
  private static final int OPS = 200;
  private static final int KEYS = 40;

  @Test
  void randomOperationsMatchASortedMapModel() {
    Seeds.run(Seeds.next(), rnd -> {
      // each sequence in its own key space of the same store, so data accumulates across
      // sequences and a small memtable flushes and compacts under the model's eyes
      for (int s = 0; s < SEQUENCES; s++) {
        new ModelRun("m" + s + "/", rnd).run();
      }
    });
  }

  /** One sequence of random operations, each checked against the model at once. */
  private final class ModelRun {
    private final String prefix;
    private final Random rnd;
    private final NavigableMap<Bytes, Bytes> model = new TreeMap<>();

    ModelRun(String prefix, Random rnd) {
      this.prefix = prefix;
      this.rnd = rnd;
    }

    Bytes key() {
      return b(String.format("%sk%02d", prefix, rnd.nextInt(KEYS)));
    }

    Bytes value() {
      byte[] v = new byte[rnd.nextInt(12)];
      rnd.nextBytes(v);
      return Bytes.wrap(v);
    }

    void run() {
      for (int i = 0; i < OPS; i++) {
        step(i);
      }
      checkScan(KeyRange.prefix(b(prefix)), "final");
    }

    void step(int i) {
      int op = rnd.nextInt(100);
      String at = prefix + " op " + i;
      if (op < 30) {
        Bytes k = key();
        Bytes v = value();
        store.put(k, v).block(HANG_GUARD);
        model.put(k, v);
      } else if (op < 38) {
        Bytes k = key();
        Bytes v = value();
        boolean expected = !model.containsKey(k);
        assertEquals(expected, store.put(k, v, PutOptions.ifAbsent()).block(HANG_GUARD), at);
        if (expected) {
          model.put(k, v);
        }
      } else if (op < 44) {
        casStep(at);
      } else if (op < 56) {
        Bytes k = key();
        assertEquals(model.remove(k) != null, store.delete(k).block(HANG_GUARD), at);
      } else if (op < 59) {
        Bytes p = b(prefix + "k" + rnd.nextInt(4));
        long expected = model.keySet().stream().filter(k -> k.startsWith(p)).count();
        model.keySet().removeIf(k -> k.startsWith(p));
        assertEquals(expected, store.deletePrefix(p).block(HANG_GUARD), at);
      } else if (op < 69) {
        batchStep();
      } else if (op < 84) {
        Bytes k = key();
        assertEquals(model.get(k), store.get(k).block(HANG_GUARD), at + " get " + k);
      } else {
        checkScan(randomRange(), at);
      }
    }

    void casStep(String at) {
      Bytes k = key();
      Entry e = store.getEntry(k).block(HANG_GUARD);
      assertEquals(model.get(k), e == null ? null : e.value(), at);
      Bytes v = value();
      if (e != null && rnd.nextBoolean()) {
        assertTrue(store.put(k, v, PutOptions.ifSequence(e.sequence())).block(HANG_GUARD), at);
        model.put(k, v);
      } else {
        long stale = e == null ? 1 + rnd.nextInt(1000) : Math.max(1, e.sequence() - 1);
        if (e != null && stale == e.sequence()) {
          return;
        }
        assertEquals(false, store.put(k, v, PutOptions.ifSequence(stale)).block(HANG_GUARD), at);
      }
    }

    void batchStep() {
      WriteBatch.Builder w = WriteBatch.builder();
      int n = 1 + rnd.nextInt(6);
      for (int j = 0; j < n; j++) {
        Bytes k = key();
        if (rnd.nextInt(3) == 0) {
          w.delete(k);
          model.remove(k);
        } else {
          Bytes v = value();
          w.put(k, v);
          model.put(k, v);
        }
      }
      store.write(w.build()).block(HANG_GUARD);
    }

    KeyRange randomRange() {
      Bytes from = rnd.nextInt(4) == 0 ? b(prefix) : key();
      Bytes to = rnd.nextInt(4) == 0 ? b(prefix + "l") : key();
      if (from.compareTo(to) > 0) {
        Bytes t = from;
        from = to;
        to = t;
      }
      KeyRange r = KeyRange.of(from, to).reverse(rnd.nextBoolean());
      return rnd.nextBoolean() ? r : r.limit(1 + rnd.nextInt(10));
    }

    void checkScan(KeyRange r, String at) {
      NavigableMap<Bytes, Bytes> sub = model.subMap(r.fromKey(), true, r.toKey(), false);
      if (r.isReverse()) {
        sub = sub.descendingMap();
      }
      List<String> expected = new ArrayList<>();
      for (Map.Entry<Bytes, Bytes> e : sub.entrySet()) {
        if (expected.size() == r.limit()) {
          break;
        }
        expected.add(e.getKey() + "=" + e.getValue().toHex());
      }
      List<String> actual = store.scan(r).map(e -> e.key() + "=" + e.value().toHex())
          .collectList().block(HANG_GUARD);
      assertEquals(expected, actual, at + " scan " + r);
    }
  }

  @Test
  void batchesStayWholeForConcurrentReaders() {
    int batches = 300;
    CompletableFuture<Void> writer = Flux.range(0, batches)
        .concatMap(i -> {
          WriteBatch.Builder w = WriteBatch.builder();
          for (int k = 0; k < 10; k++) {
            w.put(b("atom:" + k), b("round-" + i));
          }
          return store.write(w.build());
        })
        .then()
        .subscribeOn(Schedulers.parallel())
        .toFuture();
    int reads = 0;
    do {
      checkWhole(store.scan(b("atom:")).collectList().block(HANG_GUARD));
      StoreSnapshot snap = store.snapshot().block(HANG_GUARD);
      List<Entry> viaGets = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        Entry e = snap.getEntry(b("atom:" + k)).block(HANG_GUARD);
        if (e != null) {
          viaGets.add(e);
        }
      }
      snap.close().block(HANG_GUARD);
      checkWhole(viaGets);
      reads++;
    } while (!writer.isDone());
    writer.join();
    List<Entry> last = store.scan(b("atom:")).collectList().block(HANG_GUARD);
    assertEquals(10, last.size());
    checkWhole(last);
    assertEquals(b("round-" + (batches - 1)), last.get(0).value());
    assertTrue(reads > 0);
    assertEquals(0, stats().openSnapshots());
  }

  private static void checkWhole(List<Entry> entries) {
    assertTrue(entries.isEmpty() || entries.size() == 10, "a torn batch: " + entries);
    assertTrue(entries.stream().map(Entry::value).distinct().count() <= 1,
        "a torn batch: " + entries);
  }

  @Test
  void writersOnManyThreadsAllLand() {
    int n = 2000;
    Flux.range(0, n)
        .parallel(2)
        .runOn(Schedulers.parallel())
        .flatMap(i -> store.put(b(String.format("c:%05d", i)), b("v" + i)))
        .sequential()
        .then()
        .block(HANG_GUARD);
    assertEquals((long) n, store.scan(b("c:")).count().block(HANG_GUARD));
    assertEquals(b("v1234"), store.get(b("c:01234")).block(HANG_GUARD));
  }

  @Test
  void closeWithWritesInFlightAnswersEveryWrite() {
    int n = 1000;
    CompletableFuture<List<Signal<Void>>> writes = Flux.range(0, n)
        .flatMap(i -> store.put(b("w:" + i), b("v")).materialize(), 64)
        .subscribeOn(Schedulers.parallel())
        .collectList()
        .toFuture();
    store.close().block(HANG_GUARD);
    List<Signal<Void>> signals = writes.join();
    assertEquals(n, signals.size());
    for (Signal<Void> s : signals) {
      assertTrue(s.isOnComplete()
          || s.isOnError() && s.getThrowable() instanceof StoreClosedException, s.toString());
    }
  }
}
