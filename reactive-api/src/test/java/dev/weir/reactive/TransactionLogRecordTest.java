package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.ReadOnlyTransactionException;
import dev.weir.engine.TransactionClosedException;
import dev.weir.engine.TransactionConflictException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** {@link Transaction#log}: buffered like a put, emitted at commit, never read back. */
class TransactionLogRecordTest {

  private final ReactiveStore store = Weir.inMemory();
  private final List<String> seen = new ArrayList<>();
  private Disposable watching;

  @BeforeEach
  void watch() {
    // delivered on the committing thread, so a write's completion finds its events here
    watching = store.watch(b("")).map(ChangeEvent::toString).subscribe(seen::add);
  }

  @AfterEach
  void close() {
    watching.dispose();
    store.close().block();
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void logRecordsAreEmittedAtCommitInCallOrderAndTheTransactionsReadsNeverSeeThem() {
    Transaction tx = store.begin().block();
    tx.log(b("s/k"), b("before")).block();
    tx.put(b("k"), b("v")).block();
    tx.log(b("k"), b("image")).block();
    StepVerifier.create(tx.get(b("s/k"))).verifyComplete();
    StepVerifier.create(tx.get(b("k"))).expectNext(b("v")).verifyComplete();
    StepVerifier.create(tx.scan(b("")).map(e -> e.key().asUtf8())).expectNext("k")
        .verifyComplete();
    assertEquals(List.of(), seen, "buffered log records were emitted before the commit");
    tx.commit().block();
    assertEquals(List.of("1 LOG s/k=before", "2 PUT k=v", "3 LOG k=image"), seen);
    StepVerifier.create(store.get(b("s/k"))).verifyComplete();
  }

  @Test
  void aTransactionOfOnlyLogRecordsCommitsThemOnlyIfItsReadsHeld() {
    store.put(b("k"), b("v")).block();
    Transaction held = store.begin().block();
    held.get(b("k")).block();
    held.log(b("s/1"), b("x")).block();
    held.commit().block();

    Transaction stale = store.begin().block();
    stale.get(b("k")).block();
    stale.log(b("s/2"), b("y")).block();
    store.put(b("k"), b("changed")).block();
    StepVerifier.create(stale.commit()).verifyError(TransactionConflictException.class);
    assertEquals(List.of("1 PUT k=v", "2 LOG s/1=x", "3 PUT k=changed"), seen);
  }

  @Test
  void aNestedTransactionsLogRecordsFoldIntoItsParentAndARolledBackChildsAreDropped() {
    Transaction parent = store.begin().block();
    parent.log(b("s/parent"), b("1")).block();
    Transaction kept = parent.nested();
    kept.log(b("s/kept"), b("2")).block();
    kept.commit().block();
    Transaction dropped = parent.nested();
    dropped.log(b("s/dropped"), b("3")).block();
    dropped.rollback().block();
    parent.log(b("s/last"), b("4")).block();
    assertEquals(List.of(), seen);
    parent.commit().block();
    assertEquals(List.of("1 LOG s/parent=1", "2 LOG s/kept=2", "3 LOG s/last=4"), seen);
  }

  @Test
  void logRecordsAreRefusedLikeWritesAndCheckedLikePuts() {
    Transaction readOnly = store.begin(true).block();
    StepVerifier.create(readOnly.log(b("k"), b("v")))
        .verifyError(ReadOnlyTransactionException.class);
    readOnly.commit().block();
    StepVerifier.create(readOnly.log(b("k"), b("v")))
        .verifyError(TransactionClosedException.class);

    Transaction tx = store.begin().block();
    StepVerifier.create(tx.log(null, b("v"))).verifyError(InvalidArgumentException.class);
    StepVerifier.create(tx.log(Bytes.EMPTY, b("v"))).verifyError(InvalidArgumentException.class);
    StepVerifier.create(tx.log(b("k"), null)).verifyError(InvalidArgumentException.class);
    tx.commit().block();
    assertEquals(List.of(), seen);
    assertEquals(0, store.stats().block().lastSequence());
  }
}
