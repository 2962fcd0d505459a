package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.KeyRange;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.ReadOnlyTransactionException;
import dev.weir.engine.TransactionClosedException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Transaction;
import dev.weir.reactive.Weir;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What the conformance suite does not cover yet, over the bus: transactions (conflicts retried,
 * nesting, read-only, closed), watch and history streams, and delivery on the caller's context.
 */
class TransactionsWatchAndContextTest {

  private static Vertx vertx;
  private static Served served;
  private static EventBusStore store;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    served = new Served(vertx);
    store = served.create(EngineConfig.defaults());
  }

  @AfterAll
  static void stop() {
    served.closeAll();
    Nodes.await(vertx.close());
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void concurrentIncrementsInTransactionsLoseNoUpdate() {
    store.put(b("counter"), b("0")).block(Nodes.GUARD);
    Flux.range(0, 20)
        .flatMap(i -> store.transact(tx -> tx.get(b("counter"))
            .flatMap(v -> tx.put(b("counter"), b(Integer.toString(Integer.parseInt(v.asUtf8())
                + 1))))), 4)
        .then()
        .block(Nodes.GUARD);
    StepVerifier.create(store.get(b("counter"))).expectNext(b("20")).verifyComplete();
    assertEquals(0, store.stats().block(Nodes.GUARD).openSnapshots());
  }

  @Test
  void nestedReadOnlyAndClosedTransactionsBehaveAsEmbedded() {
    Transaction tx = store.begin().block(Nodes.GUARD);
    tx.put(b("t:1"), b("a")).block(Nodes.GUARD);
    Transaction child = tx.nested();
    StepVerifier.create(child.get(b("t:1"))).expectNext(b("a")).verifyComplete();
    child.put(b("t:2"), b("b")).then(child.commit()).block(Nodes.GUARD);
    StepVerifier.create(tx.scan(b("t:")).map(e -> e.key().asUtf8()))
        .expectNext("t:1", "t:2").verifyComplete();
    tx.commit().block(Nodes.GUARD);
    StepVerifier.create(tx.commit()).expectError(TransactionClosedException.class)
        .verify(Nodes.GUARD);
    StepVerifier.create(store.scan(b("t:")).count()).expectNext(2L).verifyComplete();

    Transaction ro = store.begin(true).block(Nodes.GUARD);
    assertTrue(ro.isReadOnly());
    StepVerifier.create(ro.put(b("t:3"), b("c"))).expectError(ReadOnlyTransactionException.class)
        .verify(Nodes.GUARD);
    ro.rollback().then(ro.rollback()).block(Nodes.GUARD);
  }

  @Test
  void watchAndHistoryStreamAcrossTheBus() {
    StepVerifier.create(store.watch(b("w:")).take(3))
        .then(() -> store.put(b("w:1"), b("x")).then(store.put(b("w:1"), b("y")))
            .then(store.delete(b("w:1"))).subscribe())
        .assertNext(e -> assertEquals(ChangeEvent.Type.PUT, e.type()))
        .assertNext(e -> assertEquals(b("y"), e.value()))
        .assertNext(e -> assertEquals(ChangeEvent.Type.DELETE, e.type()))
        .verifyComplete();
    ReactiveStore local = Weir.inMemory();
    local.put(b("w:1"), b("x")).then(local.put(b("w:1"), b("y"))).then(local.delete(b("w:1")))
        .block(Nodes.GUARD);
    List<KeyVersion> expected = local.history(b("w:1")).collectList().block(Nodes.GUARD);
    List<KeyVersion> history = store.history(b("w:1")).collectList().block(Nodes.GUARD);
    assertEquals(expected.size(), history.size(), history.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).isDeletion(), history.get(i).isDeletion());
      assertEquals(expected.get(i).value(), history.get(i).value());
    }
  }

  @Test
  void resultsArriveOnTheCallersContext() {
    store.put(b("ctx"), b("v")).block(Nodes.GUARD);
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> same = Promise.promise();
    caller.runOnContext(v -> Mono.zip(
            store.get(b("ctx")).map(x -> Vertx.currentContext()),
            store.scan(KeyRange.all()).map(x -> Vertx.currentContext()).last())
        .subscribe(t -> same.complete(t.getT1() == caller && t.getT2() == caller),
            same::fail));
    assertSame(Boolean.TRUE, Nodes.await(same.future()));
  }

  @Test
  void aPausedWatchDoesNotDropChanges() {
    StepVerifier.create(store.watch(b("p:")), 0)
        .then(() -> Flux.range(0, 300).concatMap(i -> store.put(b("p:" + i), b("v")))
            .blockLast(Duration.ofSeconds(30)))
        .thenRequest(300)
        .expectNextCount(300)
        .thenCancel()
        .verify(Nodes.GUARD);
  }
}
