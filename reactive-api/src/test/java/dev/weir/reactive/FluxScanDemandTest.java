package dev.weir.reactive;

import static dev.weir.reactive.ScanFixture.HANG_GUARD;
import static dev.weir.reactive.ScanFixture.key;
import static dev.weir.reactive.ScanFixture.openSnapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.engine.SnapshotClosedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.StepVerifier;

/**
 * FluxScan honours demand exactly and releases its implicit snapshot on every way a scan can
 * end: complete, error, cancel, and a subscriber that throws.
 */
class FluxScanDemandTest {

  private final ReactiveStore store = ScanFixture.storeWith(10);

  @AfterEach
  void close() {
    store.close().block(HANG_GUARD);
  }

  @Test
  void eachRequestPullsExactlyThatManyEntries() {
    StepVerifier.create(store.scan(KeyRange.all()), 0)
        .expectSubscription()
        .thenRequest(1)
        .assertNext(e -> assertEquals(key(0), e.key()))
        .thenRequest(2)
        .assertNext(e -> assertEquals(key(1), e.key()))
        .assertNext(e -> assertEquals(key(2), e.key()))
        .thenRequest(7)
        .expectNextCount(7)
        .thenRequest(1)
        .verifyComplete();
  }

  @Test
  void noEntryArrivesBeyondTheRequestedCount() {
    Recorder r = new Recorder();
    store.scan(KeyRange.all()).subscribe(r);
    assertEquals(0, r.entries.size(), "nothing before a request");
    r.upstream.request(1);
    assertEquals(1, r.entries.size());
    r.upstream.request(3);
    assertEquals(4, r.entries.size());
    assertEquals(1, openSnapshots(store), "the scan holds its snapshot until it ends");
    r.upstream.request(100);
    assertEquals(10, r.entries.size());
    assertTrue(r.completed);
    assertEquals(0, openSnapshots(store));
  }

  @Test
  void demandAddingUpPastLongMaxValueIsCappedNotAnError() {
    // rule 3.17; the TCK skips its own checks as they need a store of Integer.MAX_VALUE keys
    Recorder r = new Recorder();
    store.scan(KeyRange.all()).subscribe(r);
    r.upstream.request(Long.MAX_VALUE - 1);
    r.upstream.request(Long.MAX_VALUE - 1);
    r.upstream.request(Long.MAX_VALUE);
    assertNull(r.error);
    assertEquals(10, r.entries.size());
    assertTrue(r.completed);
  }

  @Test
  void completionWaitsForDemandEvenWhenNothingIsLeft() {
    Recorder r = new Recorder();
    store.scan(KeyRange.prefix(Bytes.utf8("none"))).subscribe(r);
    r.upstream.request(1);
    assertTrue(r.completed);
    assertEquals(0, openSnapshots(store));
  }

  @Test
  void cancelReleasesTheSnapshot() {
    Recorder r = new Recorder();
    store.scan(KeyRange.all()).subscribe(r);
    r.upstream.request(2);
    assertEquals(1, openSnapshots(store));
    r.upstream.cancel();
    assertEquals(0, openSnapshots(store));
    r.upstream.request(5);
    assertEquals(2, r.entries.size(), "no entry after cancel");
    r.upstream.cancel();
    assertEquals(0, openSnapshots(store));
  }

  @Test
  void cancelBeforeAnyRequestReleasesTheSnapshot() {
    Recorder r = new Recorder();
    store.scan(Bytes.utf8("key:")).subscribe(r);
    r.upstream.cancel();
    assertEquals(0, openSnapshots(store));
    assertEquals(0, r.entries.size());
  }

  @Test
  void completeAndLimitReleaseTheSnapshot() {
    StepVerifier.create(store.scan(KeyRange.all())).expectNextCount(10).verifyComplete();
    assertEquals(0, openSnapshots(store));
    StepVerifier.create(store.scan(KeyRange.all().reversed().limit(3)))
        .expectNextCount(3)
        .verifyComplete();
    assertEquals(0, openSnapshots(store));
  }

  @Test
  void anIllegalRequestMidScanEndsItWithIllegalArgumentAndReleasesTheSnapshot() {
    for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
      Recorder r = new Recorder();
      store.scan(KeyRange.all()).subscribe(r);
      r.upstream.request(3);
      r.upstream.request(bad);
      assertInstanceOf(IllegalArgumentException.class, r.error, "rule 3.9 for " + bad);
      assertEquals(3, r.entries.size());
      assertEquals(0, openSnapshots(store));
      r.upstream.request(1);
      assertEquals(3, r.entries.size(), "nothing after the error");
    }
  }

  @Test
  void aSubscriberThrowingFromOnNextEndsTheScanAndReleasesTheSnapshot() {
    RuntimeException boom = new IllegalStateException("boom");
    List<Entry> seen = new ArrayList<>();
    Throwable[] error = new Throwable[1];
    store.scan(KeyRange.all()).subscribe(new CoreSubscriber<Entry>() {
      @Override
      public void onSubscribe(Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(Entry e) {
        seen.add(e);
        if (seen.size() == 2) {
          throw boom; // breaks rule 2.13 on purpose
        }
      }

      @Override
      public void onError(Throwable t) {
        error[0] = t;
      }

      @Override
      public void onComplete() {
        error[0] = new AssertionError("completed after a throwing onNext");
      }
    });
    assertSame(boom, error[0]);
    assertEquals(2, seen.size(), "no entry after the throw");
    assertEquals(0, openSnapshots(store));
  }

  @Test
  void aScanOfAClosedSnapshotFailsAtSubscribeWithoutLeaking() {
    StoreSnapshot snap = store.snapshot().block(HANG_GUARD);
    snap.close().block(HANG_GUARD);
    Recorder r = new Recorder();
    snap.scan(KeyRange.all()).subscribe(r);
    assertInstanceOf(SnapshotClosedException.class, r.error);
    assertEquals(0, openSnapshots(store));
  }

  @Test
  void reentrantRequestsFromOnNextDoNotRecurse() {
    // a request(1) from inside onNext must not call onNext again on the same stack
    int[] depth = {0};
    int[] maxDepth = {0};
    int[] count = {0};
    store.scan(KeyRange.all()).subscribe(new BaseSubscriber<Entry>() {
      @Override
      protected void hookOnSubscribe(Subscription s) {
        request(1);
      }

      @Override
      protected void hookOnNext(Entry e) {
        depth[0]++;
        maxDepth[0] = Math.max(maxDepth[0], depth[0]);
        count[0]++;
        request(1);
        depth[0]--;
      }
    });
    assertEquals(10, count[0]);
    assertEquals(1, maxDepth[0]);
    assertEquals(0, openSnapshots(store));
  }

  /** Records signals; requests only when the test says so. */
  static final class Recorder extends BaseSubscriber<Entry> {
    final List<Entry> entries = new ArrayList<>();
    volatile Subscription upstream;
    volatile Throwable error;
    volatile boolean completed;

    @Override
    protected void hookOnSubscribe(Subscription s) {
      upstream = s;
    }

    @Override
    protected void hookOnNext(Entry e) {
      entries.add(e);
    }

    @Override
    protected void hookOnError(Throwable t) {
      assertNull(error);
      error = t;
    }

    @Override
    protected void hookOnComplete() {
      completed = true;
    }
  }
}
