package dev.weir.reactive;

import static dev.weir.reactive.ScanFixture.HANG_GUARD;
import static dev.weir.reactive.ScanFixture.key;
import static dev.weir.reactive.ScanFixture.openSnapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * A {@code request(1)} consumer of a scan over 200,000 keys: every entry arrives, in order,
 * never more than requested, so nothing can have been materialised ahead of demand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FluxScanLargeStoreTest {

  private static final int KEYS = 200_000;

  private ReactiveStore store;

  @BeforeAll
  void fill() {
    store = ScanFixture.storeWith(KEYS);
  }

  @AfterAll
  void close() {
    store.close().block(HANG_GUARD);
  }

  @Test
  void aRequestOnePacedScanDeliversEveryEntryWithoutRunningAhead() {
    long[] requested = {0};
    long[] received = {0};
    long[] maxOutstanding = {0};
    boolean[] done = {false};
    store.scan(KeyRange.all()).subscribe(new BaseSubscriber<Entry>() {
      @Override
      protected void hookOnSubscribe(Subscription s) {
        requested[0]++;
        request(1);
      }

      @Override
      protected void hookOnNext(Entry e) {
        received[0]++;
        maxOutstanding[0] = Math.max(maxOutstanding[0], received[0] - requested[0] + 1);
        if (received[0] > requested[0]) {
          throw new AssertionError("entry " + received[0] + " beyond demand " + requested[0]);
        }
        if (!e.key().equals(key((int) received[0] - 1))) {
          throw new AssertionError("out of order at " + received[0] + ": " + e);
        }
        requested[0]++;
        request(1);
      }

      @Override
      protected void hookOnComplete() {
        done[0] = true;
      }
    });
    assertTrue(done[0]);
    assertEquals(KEYS, received[0]);
    assertEquals(1, maxOutstanding[0]);
    assertEquals(0, openSnapshots(store));
  }

  @Test
  void aSlowConsumerHoldsItsSnapshotWhileWritesContinue() {
    Recorder r = new Recorder();
    store.scan(KeyRange.all()).subscribe(r);
    r.sub.request(10);
    // writes after the scan started, including over keys it has not reached, stay invisible
    store.delete(key(KEYS - 1)).block(HANG_GUARD);
    store.put(key(KEYS), Bytes.utf8("new")).block(HANG_GUARD);
    long seen = 10;
    while (!r.done) {
      r.sub.request(1_000);
      seen = r.count;
    }
    assertEquals(KEYS, seen);
    assertEquals(0, openSnapshots(store));
    store.put(key(KEYS - 1), Bytes.utf8("back")).block(HANG_GUARD);
    store.delete(key(KEYS)).block(HANG_GUARD);
  }

  static final class Recorder extends BaseSubscriber<Entry> {
    Subscription sub;
    long count;
    boolean done;

    @Override
    protected void hookOnSubscribe(Subscription s) {
      sub = s;
    }

    @Override
    protected void hookOnNext(Entry e) {
      count++;
    }

    @Override
    protected void hookOnComplete() {
      done = true;
    }
  }
}
