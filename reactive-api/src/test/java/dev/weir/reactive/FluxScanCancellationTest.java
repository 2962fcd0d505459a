package dev.weir.reactive;

import static dev.weir.reactive.ScanFixture.HANG_GUARD;
import static dev.weir.reactive.ScanFixture.key;
import static dev.weir.reactive.ScanFixture.openSnapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.util.RaceTestUtils;

/**
 * Scans ended at random points, and request racing cancel on two threads, must never leak the
 * implicit snapshot (RELIABILITY.md: zero open snapshots). Randomised runs print their seed.
 */
class FluxScanCancellationTest {

  private static final int KEYS = 50;

  private final ReactiveStore store = ScanFixture.storeWith(KEYS);

  @AfterEach
  void close() {
    store.close().block(HANG_GUARD);
  }

  @Test
  void cancellationAtRandomPointsLeavesZeroOpenSnapshots() {
    long seed = Long.getLong("weir.seed", new Random().nextLong());
    Random rnd = new Random(seed);
    try {
      for (int i = 0; i < 1_000; i++) {
        randomScan(rnd, i);
        assertEquals(0, openSnapshots(store), "iteration " + i);
      }
    } catch (Throwable t) {
      throw new AssertionError("failed with seed: " + seed + " (-Dweir.seed=" + seed + ")", t);
    }
  }

  /** One scan that requests random amounts and stops in a random way. */
  private void randomScan(Random rnd, int iteration) {
    int stopAfter = rnd.nextInt(KEYS + 10);
    int mode = rnd.nextInt(4); // 0: cancel in onNext, 1: cancel outside, 2: bad request, 3: run
    boolean reverse = rnd.nextBoolean();
    long limit = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(KEYS) : KeyRange.NO_LIMIT;
    List<Entry> got = new ArrayList<>();
    BaseSubscriber<Entry> s = new BaseSubscriber<>() {
      @Override
      protected void hookOnSubscribe(Subscription sub) {
        if (stopAfter == 0 && mode < 2) {
          cancel();
        } else {
          request(1 + rnd.nextInt(8));
        }
      }

      @Override
      protected void hookOnNext(Entry e) {
        got.add(e);
        if (got.size() >= stopAfter && mode == 0) {
          cancel();
        } else if (got.size() >= stopAfter && mode == 2) {
          upstream().request(-1);
        } else if (rnd.nextInt(3) == 0) {
          request(1 + rnd.nextInt(8));
        }
      }

      @Override
      protected void hookOnError(Throwable t) {
        // mode 2 ends with the rule 3.9 error on purpose
      }
    };
    store.scan(KeyRange.all().reverse(reverse).limit(limit)).subscribe(s);
    // pull the rest from outside onNext, as an event loop would on a later tick
    while (!s.isDisposed() && got.size() < stopAfter + 100) {
      if (mode == 1 && got.size() >= stopAfter) {
        s.cancel();
      } else {
        s.request(1 + rnd.nextInt(8));
      }
    }
    assertTrue(got.size() <= Math.min(KEYS, limit), "iteration " + iteration + ": " + got);
    s.dispose();
  }

  @Test
  void requestRacingCancelNeverLeaksAndNeverOverDelivers() {
    for (int i = 0; i < 1_000; i++) {
      AtomicLong received = new AtomicLong();
      Subscription[] sub = new Subscription[1];
      store.scan(KeyRange.all()).subscribe(new BaseSubscriber<Entry>() {
        @Override
        protected void hookOnSubscribe(Subscription s) {
          sub[0] = s;
        }

        @Override
        protected void hookOnNext(Entry e) {
          received.incrementAndGet();
        }
      });
      RaceTestUtils.race(() -> sub[0].request(1), sub[0]::cancel);
      assertTrue(received.get() <= 1, "received " + received);
      assertEquals(0, openSnapshots(store), "iteration " + i);
    }
  }

  @Test
  void twoThreadsRequestingTogetherGetEachEntryOnceInOrder() {
    for (int i = 0; i < 500; i++) {
      List<Entry> got = Collections.synchronizedList(new ArrayList<>());
      Subscription[] sub = new Subscription[1];
      store.scan(KeyRange.all()).subscribe(new BaseSubscriber<Entry>() {
        @Override
        protected void hookOnSubscribe(Subscription s) {
          sub[0] = s;
        }

        @Override
        protected void hookOnNext(Entry e) {
          got.add(e);
        }
      });
      RaceTestUtils.race(() -> sub[0].request(2), () -> sub[0].request(3));
      assertEquals(5, got.size(), "iteration " + i);
      for (int k = 0; k < 5; k++) {
        assertEquals(key(k), got.get(k).key(), "iteration " + i);
      }
      sub[0].cancel();
      assertEquals(0, openSnapshots(store));
    }
  }
}
