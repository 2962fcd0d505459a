package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.ChangesOverflowException;
import dev.weir.engine.ChangesUnavailableException;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WriteBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class WatchTest {

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  private static String describe(ChangeEvent e) {
    return e.type() + " " + e.key() + (e.value() == null ? "" : "=" + e.value());
  }

  @Test
  void changesArriveInCommitOrderWithTheirSequences() {
    ReactiveStore store = Weir.inMemory();
    StepVerifier.create(store.watch(b("user:")).map(WatchTest::describe))
        .then(() -> store.put(b("user:1"), b("a")).block())
        .then(() -> store.put(b("other"), b("x")).block())
        .then(() -> store.delete(b("user:1")).block())
        .then(
            () ->
                store.write(WriteBatch.builder().put(b("user:2"), b("b")).deletePrefix(b("user:"))
                    .build()).block())
        .expectNext("PUT user:1=a", "DELETE user:1", "PUT user:2=b", "RANGE_DELETE user:")
        .thenCancel()
        .verify();
    assertEquals(0, store.stats().block().openSnapshots());
  }

  /**
   * Regression: a batch larger than the change log's byte bound (16 MiB by default) evicted its
   * own first changes before any watcher could read them, and every live watch failed with
   * {@link ChangesOverflowException}; so did a batch of more changes than the log's 65,536
   * slots, which maxBatchOps (then 100,000) allowed.
   */
  @Test
  void aWatcherThatKeepsUpSeesEveryChangeOfTheLargestBatch() {
    assertOneBatchIsWatchedWhole(EngineConfig.defaults().maxBatchOps(), b("v"));
    byte[] value = new byte[16 * 1024];
    int ops = 2 * (int) (EngineConfig.defaults().changeLogBytes() / value.length);
    assertOneBatchIsWatchedWhole(ops, Bytes.of(value));
  }

  /** Writes {@code ops} puts of {@code value} in one batch; a live watch must see every one. */
  private static void assertOneBatchIsWatchedWhole(int ops, Bytes value) {
    ReactiveStore store = Weir.inMemory();
    try {
      WriteBatch.Builder batch = WriteBatch.builder();
      for (int i = 0; i < ops; i++) {
        batch.put(b(String.format("n%06d", i)), value);
      }
      StepVerifier.create(store.watch(b("n")).take(ops).count())
          .then(() -> store.write(batch.build()).block())
          .expectNext((long) ops)
          .verifyComplete();
    } finally {
      store.close().block();
    }
  }

  @Test
  void aBatchLargerThanTheChangeLogIsRefusedAtConfiguration() {
    EngineConfig.Builder b = EngineConfig.builder().maxBatchOps(100_000);
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class, b::build);
    assertTrue(
        e.getMessage().contains("maxBatchOps (100000) must be at most changeLogCapacity (65536)"),
        e.getMessage());
    assertEquals(100_000, b.changeLogCapacity(131_072).build().maxBatchOps());
    assertEquals(16, EngineConfig.builder().changeLogCapacity(16).build().maxBatchOps());
  }

  @Test
  void sequencesIncreaseStrictlyAndMatchTheWrites() {
    ReactiveStore store = Weir.inMemory();
    List<ChangeEvent> seen = new ArrayList<>();
    store.watch(b("")).subscribe(seen::add);
    for (int i = 0; i < 100; i++) {
      store.put(b("k" + i), b("v" + i)).block();
    }
    assertEquals(100, seen.size());
    for (int i = 0; i < 100; i++) {
      Entry e = store.getEntry(b("k" + i)).block();
      assertEquals(e.sequence(), seen.get(i).sequence());
    }
  }

  @Test
  void scanThenWatchFromTheSnapshotMissesNothingAndDuplicatesNothing() {
    ReactiveStore store = Weir.inMemory();
    for (int i = 0; i < 50; i++) {
      store.put(b("k" + i), b("1")).block();
    }
    StoreSnapshot snap = store.snapshot().block();
    for (int i = 50; i < 80; i++) {
      store.put(b("k" + i), b("1")).block(); // after the snapshot, before the watch starts
    }
    List<String> keys = snap.scan(b("k")).map(e -> e.key().asUtf8()).collectList().block();
    List<String> changed =
        store.watch(b("k"), snap.sequence() + 1)
            .take(30)
            .map(e -> e.key().asUtf8())
            .collectList()
            .block();
    snap.close().block();
    keys.addAll(changed);
    assertEquals(80, keys.size());
    assertEquals(80, keys.stream().distinct().count(), "a key arrived twice");
  }

  @Test
  void aSlowSubscriberGetsAnOverflowErrorAndResumesWhereTheLogStillHolds() {
    ReactiveStore store = Weir.inMemory(EngineConfig.builder().changeLogCapacity(16).build());
    List<ChangeEvent> got = new ArrayList<>();
    Throwable[] error = new Throwable[1];
    Subscription[] subscription = new Subscription[1];
    store.watch(b("")).subscribe(got::add, e -> error[0] = e, () -> {}, s -> {
      subscription[0] = s;
      s.request(3);
    });
    for (int i = 0; i < 40; i++) {
      store.put(b("k" + i), b("v")).block();
    }
    assertEquals(3, got.size(), "demand was honoured: nothing beyond what was requested");
    subscription[0].request(1);
    assertInstanceOf(ChangesOverflowException.class, error[0]);
    assertEquals(3, ((ChangesOverflowException) error[0]).lastDeliveredSequence());
    // resuming from 4 is too far back for a 16-event log; from 30 it holds everything
    StepVerifier.create(store.watch(b(""), 4)).verifyError(ChangesUnavailableException.class);
    StepVerifier.create(store.watch(b(""), 30).take(11).map(ChangeEvent::sequence))
        .expectNextSequence(List.of(30L, 31L, 32L, 33L, 34L, 35L, 36L, 37L, 38L, 39L, 40L))
        .verifyComplete();
  }

  @Test
  void overflowCarriesTheLastDeliveredSequence() {
    ReactiveStore store = Weir.inMemory(EngineConfig.builder().changeLogCapacity(16).build());
    StepVerifier.create(store.watch(b("")), 2)
        .then(() -> store.put(b("a"), b("1")).block())
        .then(() -> store.put(b("b"), b("1")).block())
        .expectNextCount(2)
        .then(
            () -> {
              for (int i = 0; i < 40; i++) {
                store.put(b("k" + i), b("v")).block();
              }
            })
        .thenRequest(1)
        .expectErrorSatisfies(
            e -> {
              assertInstanceOf(ChangesOverflowException.class, e);
              assertEquals(2, ((ChangesOverflowException) e).lastDeliveredSequence());
            })
        .verify();
  }

  @Test
  void closingTheStoreEndsEveryStreamWithATypedError() {
    ReactiveStore store = Weir.inMemory();
    StepVerifier.create(store.watch(b("")))
        .then(() -> store.put(b("a"), b("1")).block())
        .expectNextCount(1)
        .then(() -> store.close().block())
        .verifyError(StoreClosedException.class);
  }

  @Test
  void anExpiryArrivesAsItsOwnChangeWithASequence() {
    AtomicLong clock = new AtomicLong(1000);
    ReactiveStore store = Weir.inMemory(EngineConfig.builder().clock(clock::get).build());
    StepVerifier.create(store.watch(b("s:")).map(WatchTest::describe))
        .then(() -> store.put(b("s:1"), b("x"), PutOptions.ttl(Duration.ofSeconds(5))).block())
        .expectNext("PUT s:1=x")
        .then(
            () -> {
              clock.addAndGet(5_000);
              long expired = ((EmbeddedStore) store).engine().sweepExpired().join();
              assertEquals(1, expired);
            })
        .expectNext("EXPIRE s:1")
        .thenCancel()
        .verify();
    assertEquals(null, store.get(b("s:1")).block());
  }

  @Test
  void watchersOfOtherPrefixesSeeNothingOfThese() {
    ReactiveStore store = Weir.inMemory();
    List<String> seen = new ArrayList<>();
    store.watch(b("b")).subscribe(e -> seen.add(describe(e)));
    store.put(b("a1"), b("x")).block();
    store.put(b("b1"), b("y")).block();
    store.deletePrefix(b("a")).block();
    assertEquals("PUT b1=y", seen.stream().collect(Collectors.joining(",")));
  }
}
