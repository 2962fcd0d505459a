package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.TransactionConflictException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Transaction;
import dev.weir.reactive.Weir;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Optimistic transactions: read 2 keys, write 2 keys, commit (validated on the write loop).
 *
 * <ul>
 *   <li>{@code txn_uncontended}: one thread over 100,000 keys, so conflicts are rare: the
 *       throughput of the transaction machinery itself (snapshot, buffered writes, validation).
 *   <li>{@code txn_contended}: two threads over 8 hot keys; the {@code conflicts} counter per
 *       committed transaction is the conflict rate (each conflict is retried until it commits).
 * </ul>
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TransactionBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s \
 *     -rf json -rff benchmarks/results/transactions.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TransactionBenchmark {

  static final int KEYS = 100_000;
  static final int HOT_KEYS = 8;

  /** One store for all threads of a trial. */
  @State(Scope.Benchmark)
  public static class Store {
    ReactiveStore store;
    Bytes[] keys;

    @Setup(Level.Trial)
    public void load() {
      store = Weir.inMemory();
      keys = new Bytes[KEYS];
      for (int i = 0; i < KEYS; i++) {
        keys[i] = Bytes.utf8(String.format("acct:%08d", i));
        store.put(keys[i], Bytes.utf8("100")).block();
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      store.close().block();
    }
  }

  /** Per-thread randomness and the conflict counter JMH reports beside the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    public long conflicts;
    public long commits;
    SplittableRandom random;

    @Setup(Level.Iteration)
    public void reset() {
      conflicts = 0;
      commits = 0;
      random = new SplittableRandom(Thread.currentThread().getId());
    }
  }

  @Benchmark
  public void txn_uncontended(Store s, Counters c, Blackhole bh) {
    run(s, c, bh, KEYS);
  }

  @Benchmark
  @Threads(2)
  public void txn_contended(Store s, Counters c, Blackhole bh) {
    run(s, c, bh, HOT_KEYS);
  }

  private static void run(Store s, Counters c, Blackhole bh, int range) {
    int a = c.random.nextInt(range);
    int b = (a + 1 + c.random.nextInt(range - 1)) % range;
    Retry retry =
        Retry.backoff(Long.MAX_VALUE, Duration.ofNanos(1))
            .maxBackoff(Duration.ofMillis(1))
            .filter(TransactionConflictException.class::isInstance)
            .doBeforeRetry(signal -> c.conflicts++);
    bh.consume(s.store.transact(tx -> transfer(tx, s.keys[a], s.keys[b]), retry).block());
    c.commits++;
  }

  private static Mono<Long> transfer(Transaction tx, Bytes from, Bytes to) {
    return Mono.zip(tx.get(from), tx.get(to))
        .flatMap(
            v -> {
              long x = Long.parseLong(v.getT1().asUtf8());
              long y = Long.parseLong(v.getT2().asUtf8());
              return tx.put(from, Bytes.utf8(Long.toString(x - 1)))
                  .then(tx.put(to, Bytes.utf8(Long.toString(y + 1))))
                  .thenReturn(x + y);
            });
  }
}
