package dev.weir.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The comparison's fills: db_bench {@code fillseq} (ascending keys) and {@code fillrandom}
 * (random keys), {@code keys} puts of 16-byte keys and 100-byte values into an empty store, for
 * each {@code store} of {@link Kv#STORES}. Mode {@code SingleShotTime}: each iteration is one
 * whole fill into a fresh store (made and, after the fill, settled, checked and closed outside
 * the measurement); the score is milliseconds per fill, which {@link Compare} turns into puts/s
 * ({@code keys / time}).
 *
 * <p>Weir is written the way reactive applications write: {@code Flux.range(...).flatMap(i ->
 * store.put(k, v), 256)}, timed until the last put's {@code Mono} completed (every put
 * visible); {@code map_reactive} the same with {@code Mono.fromCallable(map.put)}; the
 * synchronous stores in a plain loop; {@code vertx_async} awaits each put's {@code Future}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'CompareFillBenchmark.fillrandom$' \
 *     -p store=weir,mvstore -f 1 -wi 1 -i 3 -rf json -rff /tmp/fill.json
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class CompareFillBenchmark {

  @Param({"weir", "map", "map_reactive", "rocksdb", "mvstore", "vertx_local", "vertx_async"})
  public String store;

  @Param({"1000000"})
  public int keys;

  Kv kv;

  @Setup(Level.Trial)
  public void reportFlags() {
    JvmFlags.report();
  }

  @Setup(Level.Iteration)
  public void fresh() {
    kv = Kv.open(store, Dataset.get(keys));
  }

  @TearDown(Level.Iteration)
  public void check() throws InterruptedException {
    if (kv instanceof Kv.WeirKv) {
      Dataset.settle(((Kv.WeirKv) kv).store);
    }
    long n = kv.count();
    if (!(kv instanceof Kv.RocksKv) && n != keys) { // RocksDB's count is an estimate
      throw new IllegalStateException(store + " holds " + n + " entries, not " + keys);
    }
    kv.close();
    kv = null;
  }

  @Benchmark
  public void fillseq() {
    kv.fill(true, 0, keys);
  }

  @Benchmark
  public void fillrandom() {
    kv.fill(false, 0, keys);
  }
}
