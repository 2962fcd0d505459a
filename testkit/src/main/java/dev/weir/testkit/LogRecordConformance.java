package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.KeyRange;
import dev.weir.engine.TransactionConflictException;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.Transaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Log records ({@link WriteBatch.Builder#log}, {@link Transaction#log}): each takes a sequence
 * in batch order and reaches watches of its key's prefixes as a {@code LOG} event with its
 * value, but is never stored, so no read sees it; a transaction's log records arrive only if
 * it commits.
 */
public abstract class LogRecordConformance extends RandomizedConformance {

  private static String event(ChangeEvent e) {
    return e.sequence() + " " + e.type() + " " + e.key().asUtf8()
        + (e.value() == null ? "" : "=" + e.value().asUtf8());
  }

  /**
   * Subscribes to the events of {@code prefix} until the one of {@code marker}, to be written
   * last. A write made through the store once this returns is delivered (see {@link
   * dev.weir.reactive.ReactiveStore#watch(Bytes)}), so the writes follow on this thread.
   */
  private CompletableFuture<List<String>> watchUntil(String prefix, String marker) {
    return store.watch(b(prefix)).map(LogRecordConformance::event)
        .takeUntil(e -> e.contains(" " + marker + "="))
        .collectList()
        .toFuture();
  }

  private static List<String> delivered(CompletableFuture<List<String>> watched) {
    return assertDoesNotThrow(() -> watched.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Test
  void logRecordsAreWatchedInBatchOrderWithTheirSequencesAndValuesButNeverRead() {
    put("t/b", "old");
    long s = stats().lastSequence();
    CompletableFuture<List<String>> watched = watchUntil("t/", "t/end");
    store.write(WriteBatch.builder()
            .put(b("t/a"), b("1"))
            .log(b("t/s/a"), b("new=1"))
            .delete(b("t/b"))
            .log(b("elsewhere"), b("not watched"))
            .log(b("t/s/b"), b("old=old"))
            .put(b("t/end"), b("."))
            .build())
        .block(HANG_GUARD);
    assertEquals(List.of((s + 1) + " PUT t/a=1", (s + 2) + " LOG t/s/a=new=1",
        (s + 3) + " DELETE t/b", (s + 5) + " LOG t/s/b=old=old", (s + 6) + " PUT t/end=."),
        delivered(watched));

    StepVerifier.create(store.get(b("t/s/a"))).verifyComplete();
    StepVerifier.create(store.getEntry(b("elsewhere"))).verifyComplete();
    StepVerifier.create(store.history(b("t/s/b"))).verifyComplete();
    assertEquals(List.of("t/a", "t/end"), keys(store.scan(KeyRange.all())));
    assertEquals(s + 6, stats().lastSequence());
  }

  @Test
  void aBatchOfOnlyLogRecordsIsWatchedAndChangesNoEntry() {
    put("k/1", "v");
    StoreDigest before = StoreDigest.of(store);
    long s = before.lastSequence();
    CompletableFuture<List<String>> watched = watchUntil("k/", "k/1");
    store.write(WriteBatch.builder().log(b("k/2"), b("image")).log(b("k/1"), b("")).build())
        .block(HANG_GUARD);
    assertEquals(List.of((s + 1) + " LOG k/2=image", (s + 2) + " LOG k/1="), delivered(watched));
    StepVerifier.create(store.get(b("k/1"))).expectNext(b("v")).verifyComplete();
    assertEquals(new StoreDigest(before.entries(), s + 2), StoreDigest.of(store));
  }

  @Test
  void aTransactionsLogRecordsArriveOnlyIfItCommits() {
    put("k", "v");
    long s = stats().lastSequence();
    CompletableFuture<List<String>> watched = watchUntil("s/", "s/end");
    Transaction rolledBack = store.begin().block(HANG_GUARD);
    rolledBack.log(b("s/rolled-back"), b("1")).block(HANG_GUARD);
    rolledBack.rollback().block(HANG_GUARD);

    Transaction conflicting = store.begin().block(HANG_GUARD);
    conflicting.get(b("k")).block(HANG_GUARD);
    conflicting.log(b("s/conflicting"), b("2")).block(HANG_GUARD);
    put("k", "changed");
    StepVerifier.create(conflicting.commit()).verifyError(TransactionConflictException.class);

    Transaction committed = store.begin().block(HANG_GUARD);
    committed.get(b("k")).block(HANG_GUARD);
    committed.log(b("s/committed"), b("3")).block(HANG_GUARD);
    committed.put(b("s/k"), b("4")).block(HANG_GUARD);
    committed.commit().block(HANG_GUARD);
    put("s/end", ".");
    assertEquals(List.of((s + 2) + " LOG s/committed=3", (s + 3) + " PUT s/k=4",
        (s + 4) + " PUT s/end=."), delivered(watched));
    assertEquals(List.of("s/end", "s/k"), keys(store.scan(b("s/"))));
  }

  @Test
  void logRecordsWrittenBeforeAWatchFromTheirSequenceAreReplayed() {
    long s = stats().lastSequence();
    store.write(WriteBatch.builder().log(b("r/1"), b("a")).put(b("r/2"), b("b")).build())
        .block(HANG_GUARD);
    StepVerifier.create(store.watch(b("r/"), s + 1).map(LogRecordConformance::event).take(2))
        .expectNext((s + 1) + " LOG r/1=a", (s + 2) + " PUT r/2=b")
        .expectComplete()
        .verify(HANG_GUARD);
  }
}
