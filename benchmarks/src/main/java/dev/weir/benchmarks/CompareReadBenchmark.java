package dev.weir.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The comparison's read and mixed workloads, named as db_bench names them, on a loaded and
 * settled store of {@code keys} random 16-byte keys with 100-byte values ({@link Dataset},
 * fixed seed), for each {@code store} of {@link Kv#STORES}. Weir goes through its reactive API.
 *
 * <ul>
 *   <li>{@code readrandom} / {@code readrandom_2threads}: get of a random present key (1 or 2
 *       reader threads on the same store);
 *   <li>{@code readmissing}: get of a random absent key;
 *   <li>{@code seekrandom}: an ordered scan of 100 entries from a random present key, each key
 *       and value consumed (not for the Vert.x maps, which are hash maps);
 *   <li>{@code readwhilewriting}: 50/50 mixed on one thread: each invocation gets one random
 *       key and overwrites another with a random value, waiting for the put to be applied
 *       (counted as 2 operations).
 * </ul>
 *
 * <p>Loading (outside the measurement) copies every key and value into the store and waits
 * until it is settled: Weir and RocksDB flushed and fully compacted ({@code compact()} and
 * {@code CompactRange}, what a user does after a bulk load); the others have nothing to settle. Usually run by
 * {@link Compare}; by hand:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'CompareReadBenchmark.readrandom$' \
 *     -p store=weir,mvstore,rocksdb -f 1 -wi 2 -w 1s -i 3 -r 2s -rf json -rff /tmp/read.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class CompareReadBenchmark {

  @State(Scope.Benchmark)
  public static class Loaded {
    @Param({"weir", "map", "map_reactive", "rocksdb", "mvstore", "vertx_local", "vertx_async"})
    public String store;

    @Param({"1000000"})
    public int keys;

    Kv kv;

    @Setup(Level.Trial)
    public void load() {
      JvmFlags.report();
      Dataset data = Dataset.get(keys);
      kv = Kv.open(store, data);
      long t0 = System.nanoTime();
      kv.load();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      kv.verify();
      System.out.println("\nloaded in " + ms + " ms: " + kv.describe());
    }

    @TearDown(Level.Trial)
    public void close() {
      kv.close();
    }
  }

  /** Per thread: where it is in the random key order, and its reusable subscribers. */
  @State(Scope.Thread)
  public static class Reader {
    private static final AtomicInteger THREADS = new AtomicInteger();
    final Kv.Scratch scratch = new Kv.Scratch();
    int[] order;
    int next;

    @Setup(Level.Trial)
    public void start(Loaded loaded) { // after the store's setup (JMH state dependency)
      order = loaded.kv.data.order;
      next = THREADS.getAndIncrement() * (Dataset.ORDER_SIZE / 8); // threads walk apart
    }

    int nextIndex() {
      return order[next++ & (Dataset.ORDER_SIZE - 1)];
    }
  }

  @Benchmark
  public Object readrandom(Loaded s, Reader r) {
    return s.kv.get(r.nextIndex(), r.scratch);
  }

  @Benchmark
  @Threads(2)
  public Object readrandom_2threads(Loaded s, Reader r) {
    return s.kv.get(r.nextIndex(), r.scratch);
  }

  @Benchmark
  public Object readmissing(Loaded s, Reader r) {
    return s.kv.getMissing(r.nextIndex(), r.scratch);
  }

  @Benchmark
  public int seekrandom(Loaded s, Reader r, Blackhole bh) {
    return s.kv.seek(r.nextIndex(), r.scratch, bh);
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public Object readwhilewriting(Loaded s, Reader r) {
    Object v = s.kv.get(r.nextIndex(), r.scratch);
    s.kv.put(r.nextIndex(), r.nextIndex(), r.scratch);
    return v;
  }
}
