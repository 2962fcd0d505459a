package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.TransactionConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The classic invariant test of serializable transactions: money moves between 100 accounts
 * from 4 threads, and every snapshot, at any moment, sums to the same total.
 */
class BankTransferTest {

  private static final int ACCOUNTS = 100;
  private static final long OPENING_BALANCE = 1_000;
  private static final int TRANSFERS = 10_000;
  private static final int THREADS = 4;

  @Test
  void theTotalBalanceNeverChangesUnderConcurrentTransfers() throws Exception {
    ReactiveStore store = Weir.inMemory();
    for (int i = 0; i < ACCOUNTS; i++) {
      store.put(account(i), Bytes.utf8(Long.toString(OPENING_BALANCE))).block();
    }
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      SplittableRandom rnd = new SplittableRandom(42 + t);
      threads.add(
          new Thread(
              () -> {
                while (committed.get() < TRANSFERS) {
                  int from = rnd.nextInt(ACCOUNTS);
                  int to = (from + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                  long amount = 1 + rnd.nextInt(50);
                  store
                      .transact(tx -> transfer(tx, from, to, amount), retryCounting(conflicts))
                      .block();
                  committed.incrementAndGet();
                }
              },
              "teller-" + t));
    }
    Thread auditor =
        new Thread(
            () -> {
              while (running.get()) {
                StoreSnapshot s = store.snapshot().block();
                long total =
                    s.scan(Bytes.utf8("acct:"))
                        .map(e -> Long.parseLong(e.value().asUtf8()))
                        .reduce(0L, Long::sum)
                        .block();
                if (total != ACCOUNTS * OPENING_BALANCE) {
                  violations.add("total " + total + " at sequence " + s.sequence());
                }
                s.close().block();
              }
            },
            "auditor");
    auditor.start();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    running.set(false);
    auditor.join();
    assertTrue(violations.isEmpty(), () -> violations.size() + " torn totals: " + violations.peek());
    long total =
        store.scan(Bytes.utf8("acct:")).map(e -> Long.parseLong(e.value().asUtf8()))
            .reduce(0L, Long::sum).block();
    assertEquals(ACCOUNTS * OPENING_BALANCE, total);
    assertTrue(committed.get() >= TRANSFERS);
    assertEquals(0, store.stats().block().openSnapshots());
  }

  private static Mono<Void> transfer(Transaction tx, int from, int to, long amount) {
    return Mono.zip(tx.get(account(from)), tx.get(account(to)))
        .flatMap(
            balances -> {
              long a = Long.parseLong(balances.getT1().asUtf8());
              long b = Long.parseLong(balances.getT2().asUtf8());
              long moved = Math.min(amount, a); // no overdrafts
              return tx.put(account(from), Bytes.utf8(Long.toString(a - moved)))
                  .then(tx.put(account(to), Bytes.utf8(Long.toString(b + moved))));
            });
  }

  /** Retries conflicts without limit (the test wants every transfer to land), counting them. */
  private static Retry retryCounting(AtomicInteger conflicts) {
    return Retry.backoff(Long.MAX_VALUE, Duration.ofNanos(1))
        .maxBackoff(Duration.ofMillis(2))
        .filter(e -> e instanceof TransactionConflictException)
        .doBeforeRetry(signal -> conflicts.incrementAndGet());
  }

  private static Bytes account(int i) {
    return Bytes.utf8(String.format("acct:%03d", i));
  }
}
