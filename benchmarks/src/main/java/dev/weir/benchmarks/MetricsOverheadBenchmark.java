package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineStats;
import dev.weir.micrometer.WeirMetrics;
import dev.weir.reactive.ReactiveStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * What Micrometer metrics cost a read: db_bench {@code readrandom} through the reactive API
 * (as {@link ReadRandomBenchmark#readrandom_weir}: 1,000,000 keys of 16 bytes, 100-byte
 * values, fixed seed) on a store with {@code metrics=off} and with {@code metrics=on}: {@link
 * WeirMetrics} bound to a {@link SimpleMeterRegistry} with the defaults (every get counted, one
 * in {@code sampleEvery} timed). The bar: on within 10% of off. Each value of {@code
 * metrics} runs in its own forks, so neither JIT profile sees the other's path; run both in one
 * invocation, with several forks, since this machine's noise is larger than the effect:
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar MetricsOverheadBenchmark \
 *     -f 3 -wi 3 -w 2s -i 5 -r 2s -rf json -rff benchmarks/results/metrics-overhead.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class MetricsOverheadBenchmark {

  @State(Scope.Benchmark)
  public static class Loaded {
    @Param({"off", "on"})
    public String metrics;

    /** Time one get in this many (with metrics on). */
    @Param({"64"})
    public int sampleEvery;

    ReactiveStore store;
    MeterRegistry registry;
    WeirMetrics bound;

    @Setup(Level.Trial)
    public void load() throws InterruptedException {
      Dataset data = Dataset.get();
      store = Dataset.newStore("metrics-overhead");
      data.load(store);
      store.compact().block(Dataset.TIMEOUT);
      EngineStats stats = Dataset.settle(store);
      System.out.println("\nWeir store after load: " + stats);
      if (metrics.equals("on")) {
        registry = new SimpleMeterRegistry();
        bound = WeirMetrics.builder(store).sampleEvery(sampleEvery).build();
        bound.bindTo(registry);
      }
      ReadRandomBenchmark.verify(data, k -> store.get(k).block());
    }

    @TearDown(Level.Trial)
    public void close() {
      if (registry != null) {
        double gets = registry.get("weir.operations").tag("operation", "get")
            .functionCounter().count();
        long timed = (long) registry.get("weir.operation")
            .tags("operation", "get", "outcome", "success").functionTimer().count();
        System.out.println("\ngets counted: " + (long) gets + ", timed: " + timed);
        bound.close();
      }
      store.close().block();
    }
  }

  /** Per reader thread: where it is in the key order, and its reusable subscriber. */
  @State(Scope.Thread)
  public static class Reader {
    private static final AtomicInteger THREADS = new AtomicInteger();
    final Capture<Bytes> capture = new Capture<>();
    int[] order;
    int next;

    @Setup(Level.Trial)
    public void start() {
      order = Dataset.get().order;
      next = THREADS.getAndIncrement() * (Dataset.ORDER_SIZE / 8);
    }
  }

  @Benchmark
  public Bytes readrandom(Loaded s, Reader r) {
    Bytes key = Bytes.wrap(Dataset.key(r.order[r.next++ & (Dataset.ORDER_SIZE - 1)]));
    Capture<Bytes> c = r.capture.reset();
    s.store.get(key).subscribe(c);
    if (!c.done) {
      c.checkDone();
    }
    return c.value;
  }
}
