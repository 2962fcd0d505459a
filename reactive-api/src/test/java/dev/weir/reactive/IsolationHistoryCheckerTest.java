package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made histories, one per anomaly, so that each of the checker's verdicts is proven. */
class IsolationHistoryCheckerTest {

  private static IsolationHistoryChecker.Txn txn(int id, Map<String, String> reads, String... w) {
    return new IsolationHistoryChecker.Txn(id, reads, List.of(w));
  }

  @Test
  void aSerialHistoryIsClean() {
    var report =
        IsolationHistoryChecker.check(
            List.of(txn(1, Map.of("x", "init"), "x"), txn(2, Map.of("x", "t1"), "x")),
            Map.of("x", List.of("init", "t1", "t2")));
    assertEquals(0, report.anomalies(), report.toString());
  }

  @Test
  void aValueNoCommittedTransactionWroteIsADirtyRead() {
    var report =
        IsolationHistoryChecker.check(
            List.of(txn(2, Map.of("x", "t1"))), Map.of("x", List.of("init")));
    assertEquals(1, report.dirtyReads(), report.toString());
  }

  @Test
  void twoOverwritesOfTheSameReadVersionAreALostUpdate() {
    var report =
        IsolationHistoryChecker.check(
            List.of(txn(1, Map.of("x", "init"), "x"), txn(2, Map.of("x", "init"), "x")),
            Map.of("x", List.of("init", "t1", "t2")));
    assertEquals(1, report.lostUpdates(), report.toString());
  }

  @Test
  void readingBeforeOneWriteAndAfterAnotherOfTheSameTransactionIsAReadSkew() {
    // t1 writes x and y; t2 sees the new x but the old y
    var report =
        IsolationHistoryChecker.check(
            List.of(txn(1, Map.of(), "x", "y"), txn(2, Map.of("x", "t1", "y", "init"))),
            Map.of("x", List.of("init", "t1"), "y", List.of("init", "t1")));
    assertEquals(1, report.readSkews(), report.toString());
  }

  @Test
  void crossedReadsAndWritesAreAWriteSkew() {
    // t1 reads y and writes x; t2 reads x and writes y; each missed the other's write
    var report =
        IsolationHistoryChecker.check(
            List.of(txn(1, Map.of("y", "init"), "x"), txn(2, Map.of("x", "init"), "y")),
            Map.of("x", List.of("init", "t1"), "y", List.of("init", "t2")));
    assertEquals(1, report.writeSkews(), report.toString());
  }
}
