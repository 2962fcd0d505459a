package dev.weir.reactive;

import static dev.weir.reactive.ScanFixture.HANG_GUARD;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WriteBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * A write's Mono completes only once the write is visible, keeps the write when cancelled, and
 * signals typed errors without throwing. A hand-run scheduler stands in for the completion
 * executor, so "before completion" is a state the test controls, not a race it hopes for.
 */
class MonoWriteTest {

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  /** Completion tasks queue up here until the test runs them. */
  private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();
  private final Scheduler byHand = Schedulers.fromExecutor(completions::add);

  private void runCompletions() {
    for (Runnable r; (r = completions.poll()) != null; ) {
      r.run();
    }
  }

  @Test
  void aPutIsVisibleToAGetSubscribedRightAfterItCompletes() {
    ReactiveStore store = Weir.inMemory();
    for (int i = 0; i < 1_000; i++) {
      Bytes k = b("k" + i);
      StepVerifier.create(store.put(k, b("v" + i)).then(store.get(k)))
          .expectNext(b("v" + i))
          .verifyComplete();
    }
    store.close().block(HANG_GUARD);
  }

  @Test
  void aPutCompletingOnAnotherSchedulerIsAlreadyVisible() {
    Scheduler single = Schedulers.newSingle("completions");
    ReactiveStore store = Weir.inMemory(EngineConfig.defaults(), single);
    for (int i = 0; i < 200; i++) {
      Bytes k = b("k" + i);
      StepVerifier.create(store.put(k, b("v")).then(Mono.defer(() -> store.get(k))))
          .expectNext(b("v"))
          .verifyComplete();
    }
    store.close().block(HANG_GUARD);
    single.dispose();
  }

  @Test
  void completionSignalsWaitForTheCompletionExecutor() {
    ReactiveStore store = Weir.inMemory(EngineConfig.defaults(), byHand);
    Probe<Void> probe = new Probe<>();
    store.put(b("k"), b("v")).subscribe(probe);
    assertEquals(List.of(), probe.signals, "no signal before the completion task runs");
    runCompletions();
    assertEquals(List.of("complete"), probe.signals);
    StepVerifier.create(store.get(b("k"))).expectNext(b("v")).verifyComplete();
    store.close().block(HANG_GUARD);
    runCompletions();
  }

  @Test
  void cancellingBeforeCompletionDoesNotLoseTheWrite() {
    ReactiveStore store = Weir.inMemory(EngineConfig.defaults(), byHand);
    Probe<Void> put = new Probe<>();
    Probe<Boolean> delete = new Probe<>();
    store.put(b("k"), b("v")).subscribe(put);
    store.delete(b("gone")).subscribe(delete);
    put.dispose();
    delete.dispose();
    runCompletions();
    assertEquals(List.of(), put.signals, "a cancelled write signals nothing");
    assertEquals(List.of(), delete.signals);
    StepVerifier.create(store.get(b("k"))).expectNext(b("v")).verifyComplete();
    store.close().block(HANG_GUARD);
    runCompletions();
  }

  @Test
  void aWriteResultWaitsForDemand() {
    ReactiveStore store = Weir.inMemory();
    StepVerifier.create(store.put(b("k"), b("v"), PutOptions.ifAbsent()), 0)
        .expectSubscription()
        .thenRequest(1)
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(store.delete(b("k")), 0)
        .expectSubscription()
        .thenRequest(1)
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(store.deletePrefix(b("k"))).expectNext(0L).verifyComplete();
    store.close().block(HANG_GUARD);
  }

  @Test
  void errorsAreTypedAndArriveAsOnErrorNotAsThrows() {
    ReactiveStore store = Weir.inMemory();
    List<Mono<?>> bad = new ArrayList<>();
    assertDoesNotThrow(() -> {
      bad.add(store.put(null, b("v")));
      bad.add(store.put(b("k"), null));
      bad.add(store.put(b("k"), b("v"), PutOptions.ttl(Duration.ZERO)));
      bad.add(store.delete(Bytes.EMPTY));
      bad.add(store.deletePrefix(null));
      bad.add(store.write(WriteBatch.builder().build()));
    });
    for (Mono<?> m : bad) {
      StepVerifier.create(m).expectError(InvalidArgumentException.class).verify(HANG_GUARD);
    }
    store.close().block(HANG_GUARD);
    StepVerifier.create(store.put(b("k"), b("v")))
        .expectError(StoreClosedException.class)
        .verify(HANG_GUARD);
    StepVerifier.create(store.delete(b("k")))
        .expectError(StoreClosedException.class)
        .verify(HANG_GUARD);
  }

  @Test
  void aWriteQueuedWhenTheStoreClosesIsAnswered() {
    ReactiveStore store = Weir.inMemory(EngineConfig.defaults(), byHand);
    Probe<Void> before = new Probe<>();
    store.put(b("k"), b("v")).subscribe(before);
    store.close().block(HANG_GUARD);
    Probe<Void> after = new Probe<>();
    store.put(b("k2"), b("v")).subscribe(after);
    runCompletions();
    assertEquals(List.of("complete"), before.signals);
    assertEquals(1, after.signals.size());
    assertTrue(after.signals.get(0).startsWith("error StoreClosedException"),
        after.signals.toString());
  }

  /** Records signals as text; requests everything. */
  static final class Probe<T> extends BaseSubscriber<T> {
    final List<String> signals = new ArrayList<>();

    @Override
    protected void hookOnSubscribe(Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    protected void hookOnNext(T value) {
      signals.add("next " + value);
    }

    @Override
    protected void hookOnComplete() {
      signals.add("complete");
    }

    @Override
    protected void hookOnError(Throwable t) {
      signals.add("error " + t.getClass().getSimpleName());
    }
  }
}
