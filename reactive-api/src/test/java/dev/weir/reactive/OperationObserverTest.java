package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.TransactionConflictException;
import dev.weir.engine.WriteBatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * An {@link ObservableStore}'s observer hears of every operation subscribed on the store: each
 * start, each failure, the duration of those it chose to time, and each transaction retry.
 */
class OperationObserverTest {

  private final ReactiveStore store = Weir.inMemory();

  @AfterEach
  void close() {
    store.close().block();
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  /** Records everything; times every operation unless told otherwise. */
  static final class Recorder implements OperationObserver {
    final Map<Operation, Integer> started = new EnumMap<>(Operation.class);
    final Map<Operation, Integer> timed = new EnumMap<>(Operation.class);
    final Map<Operation, Integer> failed = new EnumMap<>(Operation.class);
    final List<Throwable> errors = new ArrayList<>();
    final AtomicInteger retries = new AtomicInteger();
    volatile boolean time = true;

    @Override
    public synchronized boolean started(Operation operation) {
      started.merge(operation, 1, Integer::sum);
      return time;
    }

    @Override
    public synchronized void finished(Operation operation, long nanos, boolean failed) {
      assertTrue(nanos >= 0, "a negative duration");
      timed.merge(operation, 1, Integer::sum);
    }

    @Override
    public synchronized void failed(Operation operation, Throwable error) {
      failed.merge(operation, 1, Integer::sum);
      errors.add(error);
    }

    @Override
    public void retried() {
      retries.incrementAndGet();
    }

    synchronized int startedCount(Operation o) {
      return started.getOrDefault(o, 0);
    }

    synchronized int timedCount(Operation o) {
      return timed.getOrDefault(o, 0);
    }

    synchronized int failedCount(Operation o) {
      return failed.getOrDefault(o, 0);
    }
  }

  private Recorder observe() throws Exception {
    Recorder recorder = new Recorder();
    ((ObservableStore) store).observe(recorder);
    return recorder;
  }

  @Test
  void everyKindOfOperationIsStartedAndTimed() throws Exception {
    Recorder r = observe();
    store.put(b("a"), b("1")).block();
    store.put(b("b"), b("2"), PutOptions.ifAbsent()).block();
    store.get(b("a")).block();
    store.getEntry(b("missing")).block();
    store.delete(b("b")).block();
    store.deletePrefix(b("zz")).block();
    store.write(WriteBatch.builder().put(b("c"), b("3")).build()).block();
    assertEquals(2, store.scan(b("")).count().block());
    store.scan(KeyRange.all()).take(1).blockLast(); // cancelled after one entry
    store.transact(tx -> tx.put(b("d"), b("4"))).block();

    for (Operation o : Operation.values()) {
      assertEquals(r.startedCount(o), r.timedCount(o), o + " started and timed");
      assertEquals(0, r.failedCount(o), o + " failed");
    }
    assertEquals(2, r.startedCount(Operation.PUT));
    assertEquals(2, r.startedCount(Operation.GET));
    assertEquals(2, r.startedCount(Operation.DELETE));
    assertEquals(1, r.startedCount(Operation.WRITE));
    assertEquals(2, r.startedCount(Operation.SCAN));
    assertEquals(1, r.startedCount(Operation.TRANSACTION));
  }

  @Test
  void untimedOperationsAreCountedButNeverFinished() throws Exception {
    Recorder r = observe();
    r.time = false;
    store.put(b("a"), b("1")).then(store.get(b("a"))).block();
    store.scan(b("")).blockLast();

    assertEquals(1, r.startedCount(Operation.PUT));
    assertEquals(1, r.startedCount(Operation.GET));
    assertEquals(1, r.startedCount(Operation.SCAN));
    assertEquals(0, r.timedCount(Operation.PUT) + r.timedCount(Operation.GET) + r.timedCount(Operation.SCAN));
  }

  @Test
  void failuresAreReportedWithTheirError() throws Exception {
    Recorder r = observe();
    r.time = false;
    StepVerifier.create(store.get(Bytes.EMPTY)).verifyError(InvalidArgumentException.class);
    StepVerifier.create(store.put(Bytes.EMPTY, b("v"))).verifyError(InvalidArgumentException.class);
    StepVerifier.create(store.scan(KeyRange.all().limit(0)))
        .verifyError(InvalidArgumentException.class);
    StepVerifier.create(store.transact(tx -> Mono.error(new IllegalStateException("work"))))
        .verifyError(IllegalStateException.class);

    assertEquals(1, r.failedCount(Operation.GET));
    assertEquals(1, r.failedCount(Operation.PUT));
    assertEquals(1, r.failedCount(Operation.SCAN));
    assertEquals(1, r.failedCount(Operation.TRANSACTION));
    assertInstanceOf(InvalidArgumentException.class, r.errors.get(0));
  }

  @Test
  void aConflictedTransactionIsRetriedAndTheRetryReported() throws Exception {
    Recorder r = observe();
    store.put(b("n"), b("0")).block();
    AtomicBoolean interfered = new AtomicBoolean();
    String result = store.transact(tx -> tx.get(b("n")).flatMap(v -> {
      Mono<Void> meddle = interfered.getAndSet(true)
          ? Mono.empty()
          : store.put(b("n"), b("meddled")); // the first attempt's read goes stale
      return meddle.then(tx.put(b("n"), b("mine"))).thenReturn(v.asUtf8());
    })).block();

    assertEquals("meddled", result);
    assertEquals(1, r.retries.get());
    assertEquals(1, r.startedCount(Operation.TRANSACTION));
    assertEquals(0, r.failedCount(Operation.TRANSACTION));
    assertEquals(1, store.stats().block().transactionConflicts());
    assertEquals(1, store.stats().block().transactionCommits());
    assertTrue(r.errors.stream().noneMatch(TransactionConflictException.class::isInstance),
        "a conflict that a retry overcame is no failure");
  }

  @Test
  void oneObserverAtATimeAndClosingItsHandleDetachesIt() throws Exception {
    ObservableStore observable = (ObservableStore) store;
    Recorder first = new Recorder();
    AutoCloseable handle = observable.observe(first);
    assertThrows(IllegalStateException.class, () -> observable.observe(new Recorder()));
    handle.close();
    store.put(b("a"), b("1")).block();
    assertEquals(0, first.startedCount(Operation.PUT));

    Recorder second = new Recorder();
    observable.observe(second);
    store.put(b("a"), b("2")).block();
    assertEquals(1, second.startedCount(Operation.PUT));
  }

  @Test
  void readsOfSnapshotsAndTransactionsAreNotTheStoresOperations() throws Exception {
    Recorder r = observe();
    store.put(b("a"), b("1")).block();
    StoreSnapshot snap = store.snapshot().block();
    snap.get(b("a")).block();
    snap.scan(b("")).blockLast();
    snap.close().block();

    assertEquals(0, r.startedCount(Operation.GET));
    assertEquals(0, r.startedCount(Operation.SCAN));
  }

  @Test
  void closeGracefullyLetsWritesInFlightLandThenCloses() {
    List<Mono<Void>> puts = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      puts.add(store.put(b("k" + i), b("v")));
    }
    StepVerifier.create(Flux.merge(puts).then(store.closeGracefully())).verifyComplete();
    StepVerifier.create(store.get(b("k1"))).verifyError(StoreClosedException.class);
  }
}
