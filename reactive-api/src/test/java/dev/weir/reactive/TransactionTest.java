package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.ReadOnlyTransactionException;
import dev.weir.engine.TransactionClosedException;
import dev.weir.engine.TransactionConflictException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class TransactionTest {

  private final ReactiveStore store = Weir.inMemory();

  @AfterEach
  void close() {
    store.close().block();
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void readsSeeTheSnapshotAndTheTransactionsOwnWrites() {
    store.put(b("a"), b("1")).block();
    Transaction tx = store.begin().block();
    store.put(b("b"), b("outside")).block();
    StepVerifier.create(tx.get(b("b"))).verifyComplete();
    tx.put(b("c"), b("mine")).block();
    tx.delete(b("a")).block();
    StepVerifier.create(tx.get(b("c"))).expectNext(b("mine")).verifyComplete();
    StepVerifier.create(tx.get(b("a"))).verifyComplete();
    StepVerifier.create(tx.scan(b("")).map(e -> e.key().asUtf8()))
        .expectNext("c")
        .verifyComplete();
    StepVerifier.create(store.get(b("c"))).verifyComplete();
    // it read "b" as absent, and "b" was written since: committing would not be serializable
    StepVerifier.create(tx.commit()).verifyError(TransactionConflictException.class);
    assertEquals(List.of("a", "b"), keys());
  }

  @Test
  void aTransactionWhoseReadsStillHoldCommitsItsWritesAtomically() {
    store.put(b("a"), b("1")).block();
    Transaction tx = store.begin().block();
    store.put(b("z"), b("unrelated")).block();
    StepVerifier.create(tx.get(b("a"))).expectNext(b("1")).verifyComplete();
    tx.put(b("c"), b("mine")).block();
    tx.delete(b("a")).block();
    tx.commit().block();
    assertEquals(List.of("c", "z"), keys());
  }

  @Test
  void writeSkewIsRejectedBySerializableValidation() {
    // two doctors on call; each checks the other is on call and goes off: only one may succeed
    store.put(b("alice"), b("on")).then(store.put(b("bob"), b("on"))).block();
    Transaction t1 = store.begin().block();
    Transaction t2 = store.begin().block();
    assertEquals(b("on"), t1.get(b("bob")).block());
    assertEquals(b("on"), t2.get(b("alice")).block());
    t1.put(b("alice"), b("off")).block();
    t2.put(b("bob"), b("off")).block();
    t1.commit().block();
    StepVerifier.create(t2.commit()).verifyError(TransactionConflictException.class);
    assertEquals(b("on"), store.get(b("bob")).block(), "the conflicting commit wrote nothing");
  }

  @Test
  void aScannedRangeThatGainsAKeyConflicts() {
    Transaction tx = store.begin().block();
    assertEquals(0L, tx.scan(b("user:")).count().block());
    store.put(b("user:1"), b("x")).block();
    tx.put(b("count"), b("0")).block();
    StepVerifier.create(tx.commit()).verifyError(TransactionConflictException.class);
  }

  @Test
  void transactRetriesConflictsAndReturnsTheResult() {
    store.put(b("n"), b("0")).block();
    int[] attempts = {0};
    Mono<String> increment =
        store.transact(
            tx ->
                tx.get(b("n"))
                    .flatMap(
                        n -> {
                          if (attempts[0]++ == 0) {
                            // a concurrent writer slips in during the first attempt
                            store.put(b("n"), b("10")).block();
                          }
                          String next = String.valueOf(Integer.parseInt(n.asUtf8()) + 1);
                          return tx.put(b("n"), b(next)).thenReturn(next);
                        }));
    StepVerifier.create(increment).expectNext("11").verifyComplete();
    assertEquals(2, attempts[0]);
  }

  @Test
  void aFailedWorkRollsBackAndPassesTheErrorOn() {
    Mono<Object> work =
        store.transact(
            tx -> tx.put(b("k"), b("v")).then(Mono.error(new IllegalStateException("boom"))));
    StepVerifier.create(work).verifyErrorMessage("boom");
    StepVerifier.create(store.get(b("k"))).verifyComplete();
    assertEquals(0, store.stats().block().openSnapshots());
  }

  @Test
  void nestedChildCommitsIntoItsParentAndARolledBackChildLeavesNoTrace() {
    Transaction parent = store.begin().block();
    Transaction kept = parent.nested();
    kept.put(b("kept"), b("1")).block();
    kept.commit().block();
    Transaction dropped = parent.nested();
    dropped.put(b("dropped"), b("1")).block();
    StepVerifier.create(dropped.get(b("kept"))).expectNext(b("1")).verifyComplete();
    dropped.rollback().block();
    parent.commit().block();
    assertEquals(List.of("kept"), keys());
  }

  @Test
  void useAfterCommitOrRollbackAndWritesInReadOnlyAreTypedErrors() {
    Transaction tx = store.begin().block();
    tx.commit().block();
    StepVerifier.create(tx.commit()).verifyError(TransactionClosedException.class);
    StepVerifier.create(tx.get(b("k"))).verifyError(TransactionClosedException.class);
    StepVerifier.create(tx.put(b("k"), b("v"))).verifyError(TransactionClosedException.class);
    StepVerifier.create(tx.rollback()).verifyError(TransactionClosedException.class);

    Transaction rolledBack = store.begin().block();
    rolledBack.rollback().block();
    rolledBack.rollback().block();
    StepVerifier.create(rolledBack.commit()).verifyError(TransactionClosedException.class);

    Transaction readOnly = store.begin(true).block();
    StepVerifier.create(readOnly.put(b("k"), b("v")))
        .verifyError(ReadOnlyTransactionException.class);
    readOnly.commit().block();
    assertEquals(0, store.stats().block().openSnapshots());
  }

  @Test
  void conditionalWritesCompareSequences() {
    StepVerifier.create(store.put(b("k"), b("1"), PutOptions.ifAbsent())).expectNext(true).verifyComplete();
    StepVerifier.create(store.put(b("k"), b("2"), PutOptions.ifAbsent())).expectNext(false).verifyComplete();
    Entry e = store.getEntry(b("k")).block();
    StepVerifier.create(store.put(b("k"), b("3"), PutOptions.ifSequence(e.sequence())))
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(store.put(b("k"), b("4"), PutOptions.ifSequence(e.sequence())))
        .expectNext(false)
        .verifyComplete();
    long now = store.getEntry(b("k")).block().sequence();
    StepVerifier.create(store.delete(b("k"), e.sequence())).expectNext(false).verifyComplete();
    StepVerifier.create(store.delete(b("k"), now)).expectNext(true).verifyComplete();
    StepVerifier.create(store.get(b("k"))).verifyComplete();
    StepVerifier.create(store.put(b("t"), b("v"), PutOptions.ifAbsent().withTtl(Duration.ofHours(1))))
        .expectNext(true)
        .verifyComplete();
  }

  private List<String> keys() {
    return store.scan(b("")).map(e -> e.key().asUtf8()).collectList().block();
  }
}
