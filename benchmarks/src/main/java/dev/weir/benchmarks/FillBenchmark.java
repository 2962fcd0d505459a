package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineStats;
import dev.weir.reactive.ReactiveStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;

/**
 * db_bench {@code fillseq} and {@code fillrandom}: 1,000,000 puts of 16-byte keys and 100-byte
 * values (see {@link Dataset}) into an empty store, Weir side by side with a raw {@code
 * ConcurrentSkipListMap<byte[], byte[]>}; the score is puts per second.
 *
 * <p><b>What one invocation measures.</b> Each invocation starts from a fresh, empty store
 * (made in {@code @Setup(Level.Invocation)}, not timed) and puts all 1,000,000 keys: ascending
 * keys for {@code fillseq}, random keys for {@code fillrandom}. The time runs until the last
 * put's {@code Mono} has completed, that is until every put is visible to readers; flushes and
 * compactions that run meanwhile (on the compactor thread, competing for the 2 cores) are
 * included, work still pending after the last put is not. The teardown waits for that work to
 * finish and closes the store, so it does not bleed into the next invocation.
 *
 * <p><b>How Weir is written.</b> The way reactive applications write: each producer runs
 * {@code Flux.range(...).flatMap(i -> store.put(k, v), 256)}, so up to 256 puts are in flight
 * per producer and the write loop commits them in groups. Puts take the dataset's {@code
 * Bytes} as they are ({@code Bytes.wrap}, no copy), and the map takes the same arrays.
 * {@code _2producers} splits the keys in two halves, one per thread (the benchmark thread and
 * one helper thread), both writing into the same store; it measures until both are done.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar FillBenchmark \
 *     -f 1 -wi 2 -i 3 -w 3s -r 5s -jvmArgs "-Xms4g -Xmx4g" \
 *     -rf json -rff benchmarks/results/fill.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class FillBenchmark {

  private Dataset data;
  private ExecutorService helper;
  private ReactiveStore store;
  private ConcurrentSkipListMap<byte[], byte[]> map;
  private long stalls;
  private long groups;
  private long writes;

  @Setup(Level.Trial)
  public void setUp() {
    data = Dataset.get();
    helper = Executors.newSingleThreadExecutor(r -> new Thread(r, "fill-producer-2"));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    helper.shutdownNow();
    if (writes > 0) {
      System.out.printf(
          "%nWeir over the trial: %d puts in %d write groups (%.1f puts per group),"
              + " %d stalls%n",
          writes, groups, (double) writes / groups, stalls);
    }
  }

  @Setup(Level.Invocation)
  public void freshStores() {
    store = Dataset.newStore("fill");
    map = Dataset.newMap();
  }

  @TearDown(Level.Invocation)
  public void closeStores() throws InterruptedException {
    if (store.stats().block().lastSequence() > 0) { // a Weir benchmark
      EngineStats stats = Dataset.settle(store);
      if (stats.lastSequence() != Dataset.KEYS) {
        throw new IllegalStateException("not every put was applied: " + stats);
      }
      stalls += stats.writeStalls();
      groups += stats.writeGroups();
      writes += stats.writesApplied();
    } else if (map.size() != Dataset.KEYS) {
      throw new IllegalStateException("the map holds " + map.size() + " keys");
    }
    store.close().block();
    store = null;
    map = null;
  }

  // ---------------------------------------------------------------- fillseq

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillseq_weir() {
    weirPuts(data.seqKeyBytes, 0, Dataset.KEYS);
  }

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillseq_weir_2producers() {
    twoProducers(() -> weirPuts(data.seqKeyBytes, 0, Dataset.KEYS / 2),
        () -> weirPuts(data.seqKeyBytes, Dataset.KEYS / 2, Dataset.KEYS));
  }

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillseq_map() {
    mapPuts(data.seqKeys, 0, Dataset.KEYS);
  }

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillseq_map_2producers() {
    twoProducers(() -> mapPuts(data.seqKeys, 0, Dataset.KEYS / 2),
        () -> mapPuts(data.seqKeys, Dataset.KEYS / 2, Dataset.KEYS));
  }

  // ---------------------------------------------------------------- fillrandom

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillrandom_weir() {
    weirPuts(data.keyBytes, 0, Dataset.KEYS);
  }

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillrandom_weir_2producers() {
    twoProducers(() -> weirPuts(data.keyBytes, 0, Dataset.KEYS / 2),
        () -> weirPuts(data.keyBytes, Dataset.KEYS / 2, Dataset.KEYS));
  }

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillrandom_map() {
    mapPuts(data.keys, 0, Dataset.KEYS);
  }

  @Benchmark
  @OperationsPerInvocation(Dataset.KEYS)
  public void fillrandom_map_2producers() {
    twoProducers(() -> mapPuts(data.keys, 0, Dataset.KEYS / 2),
        () -> mapPuts(data.keys, Dataset.KEYS / 2, Dataset.KEYS));
  }

  // ---------------------------------------------------------------- producers

  private void weirPuts(Bytes[] keys, int from, int to) {
    ReactiveStore s = store;
    Bytes[] values = data.valueBytes;
    Flux.range(from, to - from)
        .flatMap(i -> s.put(keys[i], values[i]), Dataset.IN_FLIGHT)
        .blockLast(Dataset.TIMEOUT);
  }

  private void mapPuts(byte[][] keys, int from, int to) {
    ConcurrentSkipListMap<byte[], byte[]> m = map;
    byte[][] values = data.values;
    for (int i = from; i < to; i++) {
      m.put(keys[i], values[i]);
    }
  }

  /** Runs {@code second} on the helper thread and {@code first} here; returns when both end. */
  private void twoProducers(Runnable first, Runnable second) {
    CompletableFuture<Void> other = CompletableFuture.runAsync(second, helper);
    first.run();
    other.join();
  }
}
