package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.StoreFullException;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.test.StepVerifier;

/**
 * The behaviour every {@link ReactiveStore} must show: the embedded store and the event-bus
 * client alike. A subclass supplies the store; the suite proves each promise of the interface
 * and refuses several hundred enumerated bad inputs (see {@link BadInputs}), checking each
 * leaves the store unchanged and usable.
 *
 * <p>No test sleeps or measures time: a write's {@code Mono} completing is the only ordering
 * used, and {@link #HANG_GUARD} only stops a hung test, it asserts nothing about speed.
 */
public abstract class ReactiveStoreConformance extends LogRecordConformance {

  // ---------------------------------------------------------------- get and put

  @Test
  void getOfAnAbsentKeyCompletesEmpty() {
    StepVerifier.create(store.get(b("absent"))).verifyComplete();
    StepVerifier.create(store.getEntry(b("absent"))).verifyComplete();
  }

  @Test
  void putCompletesOnceEveryReaderSeesTheValue() {
    StepVerifier.create(store.put(b("k"), b("v")).then(store.get(b("k"))))
        .expectNext(b("v"))
        .verifyComplete();
  }

  @Test
  void emptyValueIsStoredAndDistinctFromAbsent() {
    store.put(b("k"), Bytes.EMPTY).block(HANG_GUARD);
    StepVerifier.create(store.get(b("k"))).expectNext(Bytes.EMPTY).verifyComplete();
    StepVerifier.create(store.getEntry(b("k")))
        .assertNext(e -> assertEquals(Bytes.EMPTY, e.value()))
        .verifyComplete();
    assertEquals(List.of("k"), keys(store.scan(KeyRange.all())));
    StepVerifier.create(store.delete(b("k"))).expectNext(true).verifyComplete();
  }

  @Test
  void putOverwritesAndGetSeesTheLatestValue() {
    put("k", "one");
    put("k", "two");
    StepVerifier.create(store.get(b("k"))).expectNext(b("two")).verifyComplete();
  }

  @Test
  void getEntrySequenceChangesWithEveryWriteAndMatchesStats() {
    put("k", "one");
    Entry first = store.getEntry(b("k")).block(HANG_GUARD);
    assertEquals(stats().lastSequence(), first.sequence());
    put("other", "x");
    put("k", "two");
    Entry second = store.getEntry(b("k")).block(HANG_GUARD);
    assertEquals(b("two"), second.value());
    assertEquals(b("k"), second.key());
    assertTrue(second.sequence() > first.sequence(), first + " then " + second);
    assertEquals(stats().lastSequence(), second.sequence());
  }

  @Test
  void keysOrderByUnsignedBytesAndMultiByteUtf8RoundTrips() {
    Bytes high = Bytes.fromHex("ff01");
    Bytes low = Bytes.fromHex("0001");
    store.put(high, b("high")).block(HANG_GUARD);
    store.put(low, b("low")).block(HANG_GUARD);
    put("z", "ascii");
    put("é-ключ-鍵", "utf8");
    List<Bytes> order = store.scan(KeyRange.all()).map(Entry::key).collectList().block();
    assertEquals(List.of(low, b("z"), b("é-ключ-鍵"), high), order);
    StepVerifier.create(store.get(b("é-ключ-鍵"))).expectNext(b("utf8")).verifyComplete();
  }

  @TestFactory
  Stream<DynamicTest> legalEdgeInputsAreAccepted() {
    StoreLimits l = limits();
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"key at maxKeySize", BadInputs.filled(l.maxKeySize()), b("v")});
    cases.add(new Object[] {"one-byte key", Bytes.fromHex("00"), b("v")});
    cases.add(new Object[] {"key of 0xff bytes", Bytes.fromHex("ffffff"), b("v")});
    cases.add(new Object[] {"value at maxValueSize", b("max-value"),
        BadInputs.filled(l.maxValueSize())});
    cases.add(new Object[] {"empty value", b("empty"), Bytes.EMPTY});
    cases.add(new Object[] {"binary value", b("binary"), Bytes.fromHex("00ff7f80")});
    return cases.stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
      Bytes key = (Bytes) c[1];
      Bytes value = (Bytes) c[2];
      StepVerifier.create(store.put(key, value)).verifyComplete();
      StepVerifier.create(store.get(key)).expectNext(value).verifyComplete();
      StepVerifier.create(store.scan(KeyRange.from(key).limit(1)))
          .assertNext(e -> assertEquals(value, e.value()))
          .verifyComplete();
      StepVerifier.create(store.delete(key)).expectNext(true).verifyComplete();
    }));
  }

  // ---------------------------------------------------------------- put options

  @Test
  void putWithOptionsEmitsTrueWhenWrittenAndNullOptionsMeanDefaults() {
    StepVerifier.create(store.put(b("a"), b("1"), PutOptions.defaults()))
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(store.put(b("a"), b("2"), null)).expectNext(true).verifyComplete();
    StepVerifier.create(store.get(b("a"))).expectNext(b("2")).verifyComplete();
  }

  @Test
  void putWithTtlIsAcceptedAndReadableBeforeItExpires() {
    StepVerifier.create(store.put(b("t"), b("v"), PutOptions.ttl(Duration.ofHours(1))))
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(store.get(b("t"))).expectNext(b("v")).verifyComplete();
    StepVerifier.create(store.put(b("n"), b("v"), PutOptions.ttl(Duration.ofNanos(1))))
        .expectNext(true)
        .verifyComplete();
  }

  @Test
  void putIfAbsentWritesOnlyWhenNoLiveValueExists() {
    StepVerifier.create(store.put(b("k"), b("1"), PutOptions.ifAbsent()))
        .expectNext(true)
        .verifyComplete();
    long seq = store.getEntry(b("k")).block(HANG_GUARD).sequence();
    StepVerifier.create(store.put(b("k"), b("2"), PutOptions.ifAbsent()))
        .expectNext(false)
        .verifyComplete();
    Entry e = store.getEntry(b("k")).block(HANG_GUARD);
    assertEquals(b("1"), e.value());
    assertEquals(seq, e.sequence(), "a failed condition must not rewrite the key");
    store.delete(b("k")).block(HANG_GUARD);
    StepVerifier.create(store.put(b("k"), b("3"), PutOptions.ifAbsent()))
        .expectNext(true)
        .verifyComplete();
  }

  @Test
  void putIfSequenceIsACompareAndSetOnTheLiveValue() {
    put("k", "1");
    long seq = store.getEntry(b("k")).block(HANG_GUARD).sequence();
    StepVerifier.create(store.put(b("k"), b("2"), PutOptions.ifSequence(seq)))
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(store.put(b("k"), b("stale"), PutOptions.ifSequence(seq)))
        .expectNext(false)
        .verifyComplete();
    StepVerifier.create(store.get(b("k"))).expectNext(b("2")).verifyComplete();
    StepVerifier.create(store.put(b("absent"), b("x"), PutOptions.ifSequence(seq)))
        .expectNext(false)
        .verifyComplete();
    StepVerifier.create(store.get(b("absent"))).verifyComplete();
  }

  @Test
  void putIfSequenceOfADeletedValueFails() {
    put("k", "1");
    long seq = store.getEntry(b("k")).block(HANG_GUARD).sequence();
    store.delete(b("k")).block(HANG_GUARD);
    StepVerifier.create(store.put(b("k"), b("2"), PutOptions.ifSequence(seq)))
        .expectNext(false)
        .verifyComplete();
  }

  @Test
  void putOptionsRefuseAnImpossibleSequenceWhenBuilt() {
    // options are plain values checked when built; only the store's methods must not throw
    assertThrows(InvalidArgumentException.class, () -> PutOptions.ifSequence(0));
    assertThrows(InvalidArgumentException.class, () -> PutOptions.ifSequence(-1));
    assertThrows(InvalidArgumentException.class, () -> PutOptions.ifSequence(Long.MIN_VALUE));
    assertThrows(NullPointerException.class, () -> PutOptions.ttl(null));
  }

  @Test
  void ttlExpiryHidesTheValueOnceTheClockPassesIt() {
    AtomicLong clock = new AtomicLong(1_000_000);
    ReactiveStore s = createStore(EngineConfig.builder().clock(clock::get).build());
    assumeTrue(s != null, "the store under test cannot take a clock");
    try {
      s.put(b("t"), b("v"), PutOptions.ttl(Duration.ofMillis(10))).block(HANG_GUARD);
      s.put(b("u"), b("v")).block(HANG_GUARD);
      StepVerifier.create(s.get(b("t"))).expectNext(b("v")).verifyComplete();
      clock.addAndGet(9);
      StepVerifier.create(s.get(b("t"))).expectNext(b("v")).verifyComplete();
      clock.addAndGet(1);
      StepVerifier.create(s.get(b("t"))).verifyComplete();
      StepVerifier.create(s.getEntry(b("t"))).verifyComplete();
      assertEquals(List.of("u"), keys(s.scan(KeyRange.all())));
      StepVerifier.create(s.delete(b("t"))).expectNext(false).verifyComplete();
      StepVerifier.create(s.put(b("t"), b("w"), PutOptions.ifAbsent()))
          .expectNext(true)
          .verifyComplete();
    } finally {
      s.close().block(HANG_GUARD);
    }
  }

  // ---------------------------------------------------------------- deletes

  @Test
  void deleteEmitsWhetherALiveValueExisted() {
    put("k", "v");
    StepVerifier.create(store.delete(b("k"))).expectNext(true).verifyComplete();
    StepVerifier.create(store.delete(b("k"))).expectNext(false).verifyComplete();
    StepVerifier.create(store.delete(b("never"))).expectNext(false).verifyComplete();
    StepVerifier.create(store.get(b("k"))).verifyComplete();
  }

  @Test
  void deletePrefixCountsTheLiveKeysItHides() {
    putAll("p:1", "p:2", "p:3", "p:4", "pq", "q:1", "o");
    store.delete(b("p:2")).block(HANG_GUARD);
    StepVerifier.create(store.deletePrefix(b("p:"))).expectNext(3L).verifyComplete();
    assertEquals(List.of("o", "pq", "q:1"), keys(store.scan(KeyRange.all())));
    StepVerifier.create(store.deletePrefix(b("p:"))).expectNext(0L).verifyComplete();
    StepVerifier.create(store.deletePrefix(b("none:"))).expectNext(0L).verifyComplete();
  }

  @Test
  void aPutAfterDeletePrefixIsVisibleAgain() {
    putAll("p:1", "p:2");
    store.deletePrefix(b("p:")).block(HANG_GUARD);
    put("p:2", "again");
    assertEquals(List.of("p:2"), keys(store.scan(b("p:"))));
    StepVerifier.create(store.get(b("p:2"))).expectNext(b("again")).verifyComplete();
  }

  // ---------------------------------------------------------------- scans

  @Test
  void scanOfAPrefixReturnsOnlyItsKeysAscending() {
    putAll("b:2", "a:1", "b:1", "b", "c:1", "b:10", "ba");
    assertEquals(List.of("b:1", "b:10", "b:2"), keys(store.scan(b("b:"))));
    assertEquals(List.of("b", "b:1", "b:10", "b:2", "ba"), keys(store.scan(b("b"))));
    assertEquals(List.of(), keys(store.scan(b("d"))));
  }

  @Test
  void scanOfTheEmptyPrefixReturnsEverything() {
    putAll("b", "a", "c");
    assertEquals(List.of("a", "b", "c"), keys(store.scan(Bytes.EMPTY)));
    assertEquals(List.of("a", "b", "c"), keys(store.scan(KeyRange.all())));
  }

  @Test
  void scanOfAPrefixOfHighBytesFindsKeysWithNoUpperBound() {
    Bytes k1 = Bytes.fromHex("ffff01");
    Bytes k2 = Bytes.fromHex("ffffff");
    store.put(k1, b("1")).block(HANG_GUARD);
    store.put(k2, b("2")).block(HANG_GUARD);
    put("a", "x");
    assertEquals(List.of(k1, k2),
        store.scan(Bytes.fromHex("ffff")).map(Entry::key).collectList().block(HANG_GUARD));
  }

  @Test
  void rangeFromIsInclusiveAndToIsExclusive() {
    putAll("a", "b", "c", "d", "e");
    assertEquals(List.of("b", "c"), keys(store.scan(KeyRange.of(b("b"), b("d")))));
    assertEquals(List.of("b", "c"), keys(store.scan(KeyRange.of(b("az"), b("cz")))));
  }

  @Test
  void rangeEndsMayBeOpen() {
    putAll("a", "b", "c");
    assertEquals(List.of("b", "c"), keys(store.scan(KeyRange.from(b("b")))));
    assertEquals(List.of("a", "b"), keys(store.scan(KeyRange.until(b("c")))));
    assertEquals(List.of("b", "c"), keys(store.scan(KeyRange.of(b("b"), null))));
    assertEquals(List.of("a"), keys(store.scan(KeyRange.of(null, b("b")))));
    assertEquals(List.of("a", "b", "c"), keys(store.scan(KeyRange.of(null, null))));
  }

  @Test
  void rangeWithFromEqualToToIsEmptyAndLegal() {
    putAll("a", "b");
    StepVerifier.create(store.scan(KeyRange.of(b("a"), b("a")))).verifyComplete();
    StepVerifier.create(store.scan(KeyRange.of(b("a"), b("a")).reversed())).verifyComplete();
  }

  @Test
  void reverseScanDescendsWithinTheSameBounds() {
    putAll("a", "b", "c", "d");
    assertEquals(List.of("c", "b"), keys(store.scan(KeyRange.of(b("b"), b("d")).reversed())));
    assertEquals(List.of("d", "c", "b", "a"), keys(store.scan(KeyRange.all().reverse(true))));
    assertEquals(List.of("a", "b"), keys(store.scan(KeyRange.all().reversed().reversed()
        .limit(2))));
  }

  @Test
  void reverseScanOfAnEmptyStoreCompletesEmpty() {
    StepVerifier.create(store.scan(KeyRange.all().reversed())).verifyComplete();
    StepVerifier.create(store.scan(Bytes.EMPTY)).verifyComplete();
  }

  @Test
  void limitCapsTheEntriesInEitherDirection() {
    putAll("a", "b", "c", "d");
    assertEquals(List.of("a", "b"), keys(store.scan(KeyRange.all().limit(2))));
    assertEquals(List.of("d"), keys(store.scan(KeyRange.all().reversed().limit(1))));
    assertEquals(List.of("b", "c", "d"), keys(store.scan(KeyRange.from(b("b")).limit(99))));
    assertEquals(List.of("a", "b", "c", "d"),
        keys(store.scan(KeyRange.all().limit(KeyRange.NO_LIMIT))));
  }

  @Test
  void scanEntriesCarryTheValueAndSequenceOfTheirWrite() {
    put("a", "1");
    put("b", "2");
    List<Entry> scanned = store.scan(KeyRange.all()).collectList().block(HANG_GUARD);
    assertEquals(store.getEntry(b("a")).block(), scanned.get(0));
    assertEquals(store.getEntry(b("b")).block(), scanned.get(1));
  }

  @Test
  void aScanReadsOneSnapshotAndIgnoresLaterWrites() {
    putAll("a", "b", "c");
    StepVerifier.create(store.scan(KeyRange.all()), 1)
        .assertNext(e -> assertEquals(b("a"), e.key()))
        .then(() -> {
          store.delete(b("b")).block(HANG_GUARD);
          put("bb", "new");
          put("c", "changed");
        })
        .thenRequest(Long.MAX_VALUE)
        .assertNext(e -> assertEquals(b("b"), e.key()))
        .assertNext(e -> assertEquals(b("v-c"), e.value()))
        .verifyComplete();
    assertEquals(0, stats().openSnapshots());
  }

  @Test
  void scanHonoursDemandOneAtATime() {
    putAll("a", "b", "c");
    StepVerifier.create(store.scan(KeyRange.all()), 0)
        .expectSubscription()
        .thenRequest(1)
        .expectNextCount(1)
        .thenRequest(2)
        .expectNextCount(2)
        .thenRequest(1)
        .verifyComplete();
  }

  // ---------------------------------------------------------------- batches

  @Test
  void aBatchBecomesVisibleAsAWhole() {
    put("x", "old");
    StoreSnapshot before = store.snapshot().block(HANG_GUARD);
    WriteBatch.Builder w = WriteBatch.builder();
    for (int i = 0; i < 10; i++) {
      w.put(b("batch:" + i), b("same"));
    }
    w.delete(b("x"));
    StepVerifier.create(store.write(w.build())).verifyComplete();
    List<Entry> after = store.scan(b("batch:")).collectList().block(HANG_GUARD);
    assertEquals(10, after.size());
    assertTrue(after.stream().allMatch(e -> e.value().equals(b("same"))));
    StepVerifier.create(store.get(b("x"))).verifyComplete();
    StepVerifier.create(before.scan(b("batch:"))).verifyComplete();
    StepVerifier.create(before.get(b("x"))).expectNext(b("old")).verifyComplete();
    before.close().block(HANG_GUARD);
  }

  @Test
  void theSameKeyTwiceInABatchLastWins() {
    store.write(WriteBatch.builder().put(b("k"), b("1")).put(b("k"), b("2")).build())
        .block(HANG_GUARD);
    StepVerifier.create(store.get(b("k"))).expectNext(b("2")).verifyComplete();
    assertEquals(List.of("k"), keys(store.scan(KeyRange.all())));
  }

  @Test
  void putThenDeleteOfOneKeyInABatchLeavesItAbsent() {
    put("k", "before");
    store.write(WriteBatch.builder().put(b("k"), b("1")).delete(b("k")).build())
        .block(HANG_GUARD);
    StepVerifier.create(store.get(b("k"))).verifyComplete();
    store.write(WriteBatch.builder().delete(b("k")).put(b("k"), b("2")).build())
        .block(HANG_GUARD);
    StepVerifier.create(store.get(b("k"))).expectNext(b("2")).verifyComplete();
  }

  @Test
  void aBatchMayDeletePrefixesAndRangesAndPutWithTtl() {
    putAll("p:1", "p:2", "r:1", "r:2", "r:3", "s");
    store.write(WriteBatch.builder()
            .deletePrefix(b("p:"))
            .deleteRange(b("r:2"), b("r:3"))
            .deleteRange(b("s"), null)
            .put(b("t"), b("ttl"), Duration.ofHours(1))
            .build())
        .block(HANG_GUARD);
    assertEquals(List.of("r:1", "r:3", "t"), keys(store.scan(KeyRange.all())));
  }

  @Test
  void aBatchOfExactlyMaxBatchOpsIsAccepted() {
    int n = Math.min(limits().maxBatchOps(), 5_000);
    assumeTrue(n == limits().maxBatchOps(), "maxBatchOps too large to test cheaply");
    WriteBatch.Builder w = WriteBatch.builder();
    for (int i = 0; i < n; i++) {
      w.put(b("m:" + i), b("v"));
    }
    StepVerifier.create(store.write(w.build())).verifyComplete();
    StepVerifier.create(store.scan(b("m:")).count()).expectNext((long) n).verifyComplete();
  }

  // ---------------------------------------------------------------- snapshots

  @Test
  void aSnapshotReadsTheStoreAsOfItsSequence() {
    putAll("a", "b", "c");
    StoreSnapshot snap = store.snapshot().block(HANG_GUARD);
    assertEquals(stats().lastSequence(), snap.sequence());
    put("a", "changed");
    store.delete(b("b")).block(HANG_GUARD);
    put("d", "new");
    StepVerifier.create(snap.get(b("a"))).expectNext(b("v-a")).verifyComplete();
    StepVerifier.create(snap.get(b("b"))).expectNext(b("v-b")).verifyComplete();
    StepVerifier.create(snap.get(b("d"))).verifyComplete();
    StepVerifier.create(snap.getEntry(b("a")))
        .assertNext(e -> assertTrue(e.sequence() <= snap.sequence()))
        .verifyComplete();
    assertEquals(List.of("a", "b", "c"), keys(snap.scan(KeyRange.all())));
    assertEquals(List.of("c", "b"), keys(snap.scan(KeyRange.from(b("b")).reversed())));
    assertEquals(List.of("b"), keys(snap.scan(b("b"))));
    assertEquals(List.of("a", "c", "d"), keys(store.scan(KeyRange.all())));
    snap.close().block(HANG_GUARD);
  }

  @Test
  void closingASnapshotReleasesItAndIsIdempotent() {
    int base = stats().openSnapshots();
    StoreSnapshot snap = store.snapshot().block(HANG_GUARD);
    assertEquals(base + 1, stats().openSnapshots());
    StepVerifier.create(snap.close()).verifyComplete();
    StepVerifier.create(snap.close()).verifyComplete();
    assertEquals(base, stats().openSnapshots());
  }

  @Test
  void snapshotIsColdAndPinsNothingBeforeSubscribe() {
    Mono<StoreSnapshot> pending = store.snapshot();
    put("later", "v");
    assertEquals(0, stats().openSnapshots());
    StoreSnapshot snap = pending.block(HANG_GUARD);
    StepVerifier.create(snap.get(b("later"))).expectNext(b("v")).verifyComplete();
    snap.close().block(HANG_GUARD);
  }

  @Test
  void aSnapshotCancelledBeforeItIsDeliveredIsReleased() {
    store.snapshot().subscribe(new BaseSubscriber<StoreSnapshot>() {
      @Override
      protected void hookOnSubscribe(Subscription s) {
        cancel();
      }
    });
    StepVerifier.create(store.snapshot(), 0).thenCancel().verify(HANG_GUARD);
    assertEquals(0, stats().openSnapshots(), "a snapshot nobody received was left open");
  }

  // ---------------------------------------------------------------- memory budget

  @Test
  void atTheMemoryBudgetWritesFailTypedWhileReadsAndDeletesWork() {
    ReactiveStore s = createStore(EngineConfig.builder()
        .memtableBytes(EngineConfig.MIN_MEMTABLE_BYTES).maxMemoryBytes(64 * 1024).build());
    assumeTrue(s != null, "the store under test cannot take a memory budget");
    try {
      Bytes value = BadInputs.filled(1024);
      Throwable full = null;
      int written = 0;
      while (full == null && written < 10_000) {
        Signal<Void> signal = s.put(b("full:" + written), value).materialize().block(HANG_GUARD);
        if (signal.isOnError()) {
          full = signal.getThrowable();
        } else {
          written++;
        }
      }
      assertInstanceOf(StoreFullException.class, full, "after " + written + " puts");
      assertTrue(written > 0);
      // compaction may free room at any moment (runs are denser than memtables), so a later
      // write may succeed; one that fails must fail typed and change nothing
      for (int i = 0; i < 20; i++) {
        StoreDigest before = StoreDigest.of(s);
        Signal<Void> more =
            (i % 2 == 0
                    ? s.put(b("one-more"), value)
                    : s.write(WriteBatch.builder().put(b("batch"), value).build()))
                .materialize()
                .block(HANG_GUARD);
        if (more.isOnError()) {
          assertInstanceOf(StoreFullException.class, more.getThrowable());
          assertEquals(before, StoreDigest.of(s), "a refused write changed the store");
        }
      }
      s.delete(b("one-more")).then(s.delete(b("batch"))).block(HANG_GUARD);
      StepVerifier.create(s.get(b("full:0"))).expectNext(value).verifyComplete();
      StepVerifier.create(s.delete(b("full:0"))).expectNext(true).verifyComplete();
      StepVerifier.create(s.deletePrefix(b("full:"))).expectNext((long) written - 1)
          .verifyComplete();
    } finally {
      s.close().block(HANG_GUARD);
    }
  }

  // ---------------------------------------------------------------- stats and close

  @Test
  void statsCountSequencesAndOpenSnapshots() {
    EngineStats empty = stats();
    assertEquals(0, empty.openSnapshots());
    put("a", "1");
    put("b", "2");
    EngineStats after = stats();
    assertTrue(after.lastSequence() >= empty.lastSequence() + 2, empty + " then " + after);
    assertTrue(after.entries() >= 2, after.toString());
    assertEquals(0, after.openSnapshots());
  }

  @Test
  void compactChangesNoContentsAndLeavesOneMemtable() {
    for (int i = 0; i < 300; i++) {
      put("k" + i, "v" + i);
    }
    for (int i = 0; i < 300; i += 3) {
      store.delete(b("k" + i)).block(HANG_GUARD);
    }
    put("k1", "again");
    StoreDigest before = StoreDigest.of(store);
    StepVerifier.create(store.compact()).verifyComplete();
    assertEquals(before, StoreDigest.of(store));
    EngineStats after = stats();
    assertEquals(1, after.memtables(), after.toString());
    assertEquals(200, after.entries(), after.toString());
  }

  @Test
  void closeIsIdempotent() {
    StepVerifier.create(store.close()).verifyComplete();
    StepVerifier.create(store.close()).verifyComplete();
  }

  @Test
  void statsOfAClosedStoreFailWithStoreClosed() {
    store.close().block(HANG_GUARD);
    StepVerifier.create(store.stats()).expectError(StoreClosedException.class).verify(HANG_GUARD);
  }

  @Test
  void aWriteCancelledBeforeItIsHandedOverIsNotApplied() {
    // Reactor's convention (MonoRunnable, MonoCallable): cancelled in onSubscribe, no work
    store.put(b("k"), b("v")).subscribe(new BaseSubscriber<Void>() {
      @Override
      protected void hookOnSubscribe(Subscription s) {
        cancel();
      }
    });
    StepVerifier.create(store.get(b("k"))).verifyComplete();
  }

  @TestFactory
  Stream<DynamicTest> everyOperationOnAClosedStoreFailsWithStoreClosed() {
    putAll("a:1", "a:2");
    StoreSnapshot before = store.snapshot().block(HANG_GUARD);
    store.close().block(HANG_GUARD);
    return BadInputs.onClosedStore(store, before).stream()
        .map(c -> DynamicTest.dynamicTest(c.name() + " after close", () -> {
          Publisher<?> p = assertDoesNotThrow(() -> c.call().get(), "the call itself threw");
          StepVerifier.create(p)
              .expectErrorSatisfies(e -> assertInstanceOf(c.expected(), e, c.name()))
              .verify(HANG_GUARD);
        }));
  }

  // ---------------------------------------------------------------- watches

  /** Fixed, so a run replays exactly; {@code -Dweir.seed=N} tries another. */
  private static final long LIVENESS_SEED = Long.getLong("weir.seed", 0x5EED_11FEL);
  private static final int LIVENESS_ROUNDS = 24;
  private static final int MAX_WRITES_AT_ONCE = 64;

  /**
   * The liveness promise of {@link ReactiveStore#watch(Bytes)}, each round with a fresh prefix
   * and up to {@value #MAX_WRITES_AT_ONCE} writes sent all at once, none waiting for another:
   * writes made through the store as soon as {@code subscribe} has returned, or by anyone once
   * the watch's {@code onSubscribe} has been signalled, are all delivered. A marker written
   * after them ends the round, so a missed write is a wrong list, not a hang.
   */
  @Test
  void everyWriteMadeOnceTheWatchIsLiveIsDelivered() {
    Seeds.run(LIVENESS_SEED, rnd -> {
      for (int round = 0; round < LIVENESS_ROUNDS; round++) {
        String prefix = "live" + round + "/";
        List<String> keys = new ArrayList<>();
        for (int i = rnd.nextInt(MAX_WRITES_AT_ONCE) + 1; i > 0; i--) {
          keys.add(prefix + Integer.toString(rnd.nextInt(1 << 20), 36));
        }
        String marker = prefix + "~end";
        Mono<Void> writes = Flux.fromIterable(keys)
            .flatMap(k -> store.put(b(k), b("v")), keys.size())
            .then(store.put(b(marker), b("end")));
        boolean fromOnSubscribe = rnd.nextBoolean();
        CompletableFuture<Void> written = new CompletableFuture<>();
        CompletableFuture<List<String>> seen = store.watch(b(prefix))
            .doOnSubscribe(s -> {
              if (fromOnSubscribe) {
                writes.subscribe(null, written::completeExceptionally,
                    () -> written.complete(null));
              }
            })
            .map(e -> e.key().asUtf8())
            .takeUntil(marker::equals)
            .collectList()
            .toFuture();
        if (!fromOnSubscribe) {
          writes.block(HANG_GUARD);
          written.complete(null);
        }
        List<String> expected = new ArrayList<>(keys);
        expected.add(marker);
        List<String> delivered = assertDoesNotThrow(
            () -> seen.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
        assertDoesNotThrow(() -> written.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(delivered), "round " + round
            + (fromOnSubscribe ? ", written from onSubscribe" : ", written after subscribe"));
      }
    });
  }

  // ---------------------------------------------------------------- cold, no throw, isolation

  @Test
  void writesAreColdNothingHappensBeforeSubscribe() {
    put("kept", "v");
    Mono<Void> put = store.put(b("k"), b("v"));
    Mono<Boolean> putOpt = store.put(b("k2"), b("v"), PutOptions.ifAbsent());
    Mono<Boolean> delete = store.delete(b("kept"));
    Mono<Long> deletePrefix = store.deletePrefix(b("k"));
    Mono<Void> write = store.write(WriteBatch.builder().put(b("k3"), b("v")).build());
    Mono<Void> close = store.close();
    StoreDigest digest = StoreDigest.of(store);
    assertEquals(List.of("kept"), keys(store.scan(KeyRange.all())));
    assertEquals(digest, StoreDigest.of(store));
    assertTrue(put.then(putOpt).block(HANG_GUARD));
    write.block(HANG_GUARD);
    assertEquals(List.of("k", "k2", "k3", "kept"), keys(store.scan(KeyRange.all())));
    assertEquals(4L, deletePrefix.block(HANG_GUARD));
    assertFalse(delete.block(HANG_GUARD), "kept was deleted by deletePrefix first");
    close.block(HANG_GUARD);
    StepVerifier.create(store.get(b("k"))).expectError().verify(HANG_GUARD);
  }

  @Test
  void resubscribingRunsTheOperationAgain() {
    put("k", "v");
    Mono<Boolean> delete = store.delete(b("k"));
    assertTrue(delete.block(HANG_GUARD));
    assertFalse(delete.block(HANG_GUARD));
    Mono<Bytes> get = store.get(b("k"));
    StepVerifier.create(get).verifyComplete();
    put("k", "again");
    StepVerifier.create(get).expectNext(b("again")).verifyComplete();
  }

  @Test
  void noMethodThrowsFromTheCallEvenWithNullArguments() {
    assertDoesNotThrow(() -> {
      store.get(null);
      store.getEntry(null);
      store.put(null, null);
      store.put(null, null, null);
      store.delete(null);
      store.deletePrefix(null);
      store.scan((Bytes) null);
      store.scan((KeyRange) null);
      store.write(null);
      StoreSnapshot snap = store.snapshot().block(HANG_GUARD);
      snap.get(null);
      snap.getEntry(null);
      snap.scan((Bytes) null);
      snap.scan((KeyRange) null);
      snap.close().block(HANG_GUARD);
    });
  }

  @Test
  void mutatingTheCallersArrayAfterBytesOfChangesNothingStored() {
    byte[] key = {'k'};
    byte[] value = {'v', '1'};
    Bytes k = Bytes.of(key);
    Bytes v = Bytes.of(value);
    Mono<Void> put = store.put(k, v);
    value[1] = '2'; // before subscribe: the Bytes already holds its own copy
    put.block(HANG_GUARD);
    key[0] = 'x';
    value[0] = 'x';
    StepVerifier.create(store.get(b("k"))).expectNext(b("v1")).verifyComplete();
    StepVerifier.create(store.get(b("x"))).verifyComplete();
  }

  @Test
  void valuesReadBackCannotBeChangedThroughTheirViews() {
    put("k", "value");
    Bytes read = store.get(b("k")).block(HANG_GUARD);
    ByteBuffer view = read.asReadOnlyByteBuffer();
    assertTrue(view.isReadOnly());
    assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 'X'));
    assertThrows(ReadOnlyBufferException.class, view::array);
    byte[] copy = read.toByteArray();
    copy[0] = 'X';
    Entry scanned = store.scan(KeyRange.all()).blockFirst(HANG_GUARD);
    scanned.value().toByteArray()[0] = 'Y';
    assertArrayEquals("value".getBytes(), store.get(b("k")).block(HANG_GUARD).toByteArray());
  }

  @Test
  void bytesOfAByteBufferCopiesItsContent() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {'a', 'b'});
    Bytes value = Bytes.of(buffer);
    store.put(b("k"), value).block(HANG_GUARD);
    buffer.put(0, (byte) 'z');
    StepVerifier.create(store.get(b("k"))).expectNext(b("ab")).verifyComplete();
  }

  // ---------------------------------------------------------------- bad inputs

  @TestFactory
  Stream<DynamicTest> badInputsAreRefusedWithTypedErrorsAndChangeNothing() {
    seedBadInputData();
    StoreSnapshot snapshot = store.snapshot().block(HANG_GUARD);
    List<BadInput> cases = BadInputs.against(store, snapshot, limits());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> refuses(c)));
  }

  @TestFactory
  Stream<DynamicTest> readsThroughAClosedSnapshotFailWithSnapshotClosed() {
    seedBadInputData();
    StoreSnapshot closed = store.snapshot().block(HANG_GUARD);
    closed.close().block(HANG_GUARD);
    return BadInputs.throughClosedSnapshot(closed).stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> refuses(c)));
  }

  @Test
  void scanOfANullRangeFailsWithInvalidArgument() {
    StoreSnapshot snap = store.snapshot().block(HANG_GUARD);
    StepVerifier.create(store.scan((KeyRange) null))
        .expectError(InvalidArgumentException.class)
        .verify(HANG_GUARD);
    StepVerifier.create(snap.scan((KeyRange) null))
        .expectError(InvalidArgumentException.class)
        .verify(HANG_GUARD);
    assertEquals(1, stats().openSnapshots());
  }

  private void seedBadInputData() {
    putAll("a:1", "a:2", "a:3", "b:1", "b:2", "c", "z");
    store.put(b("empty"), Bytes.EMPTY).block(HANG_GUARD);
    store.delete(b("c")).block(HANG_GUARD);
  }

  private void refuses(BadInput c) {
    StoreDigest before = StoreDigest.of(store);
    int snapshots = stats().openSnapshots();
    Publisher<?> p = assertDoesNotThrow(() -> c.call().get(), "the call itself threw");
    if (c.request() < 1) {
      Throwable e = TerminalProbe.errorOf(p, c.request(), HANG_GUARD);
      assertInstanceOf(c.expected(), e, "wrong error kind");
    } else {
      StepVerifier.create(p)
          .expectErrorSatisfies(e -> assertInstanceOf(c.expected(), e, "wrong error kind"))
          .verify(HANG_GUARD);
    }
    assertEquals(before, StoreDigest.of(store), "the refused call changed the store");
    assertEquals(snapshots, stats().openSnapshots(), "the refused call leaked a snapshot");
    assertUsable();
  }

  private void assertUsable() {
    Bytes probe = b("usable-probe");
    StepVerifier.create(store.put(probe, b("ok")).then(store.get(probe)))
        .expectNext(b("ok"))
        .verifyComplete();
    StepVerifier.create(store.delete(probe)).expectNext(true).verifyComplete();
  }
}
