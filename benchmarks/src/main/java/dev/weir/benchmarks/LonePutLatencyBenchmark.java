package dev.weir.benchmarks;

import dev.weir.engine.EngineStats;
import dev.weir.reactive.ReactiveStore;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
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
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * The latency of one put with nothing else in flight: subscribe to {@code store.put(key,
 * value)} and return once it has completed, i.e. once the value is visible to every reader.
 * With the default settings Weir commits a lone write on the subscribing thread (flat
 * combining) and completes it there, so the benchmark subscribes a reusable {@link
 * WriteCapture} and checks that it completed before {@code subscribe} returned: no parking, no
 * latch. A write that the store held back (a write stall while compaction catches up)
 * completes later on another thread; the benchmark then spins until it has (the wait is part
 * of that put's latency) and counts it, printed at the end of the trial.
 *
 * <p>The store holds the 1,000,000 keys of {@link Dataset} (loaded and settled in setup), and
 * each put overwrites a random one with its value, so memtable flushes and compactions happen
 * during the measurement and show in the tail. {@code putlone_map} is the raw map's {@code
 * put} on the same data, for scale. Mode is {@code SampleTime}: read the median ({@code
 * p0.50}) and the tail percentiles.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LonePutLatencyBenchmark \
 *     -f 1 -wi 2 -i 3 -w 2s -r 3s -jvmArgs "-Xms4g -Xmx4g" \
 *     -rf json -rff benchmarks/results/putlone.json
 * }</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class LonePutLatencyBenchmark {

  /** A loaded Weir store and the writer's reusable subscriber. */
  @State(Scope.Thread)
  public static class WeirStore {
    final WriteCapture capture = new WriteCapture();
    ReactiveStore store;
    Dataset data;
    int next;

    @Setup(Level.Trial)
    public void load() throws InterruptedException {
      JvmFlags.report();
      data = Dataset.get();
      store = Dataset.newStore("putlone");
      data.load(store);
      System.out.println("\nWeir store after load: " + Dataset.settle(store));
    }

    @TearDown(Level.Trial)
    public void close() {
      EngineStats stats = store.stats().block();
      System.out.println("\nWeir store after the trial: " + stats);
      System.out.println("Puts completed off the calling thread: " + capture.deferred);
      store.close().block();
    }
  }

  /** The raw map with the same data. */
  @State(Scope.Thread)
  public static class RawMap {
    ConcurrentSkipListMap<byte[], byte[]> map;
    Dataset data;
    int next;

    @Setup(Level.Trial)
    public void load() {
      data = Dataset.get();
      map = Dataset.newMap();
      data.load(map);
    }
  }

  /**
   * A reusable write subscriber; {@code done} is volatile as a write may complete elsewhere.
   * Of {@code Object}, so it also awaits writes that may emit (a table's {@code putItem}).
   */
  static final class WriteCapture implements CoreSubscriber<Object> {
    volatile boolean done;
    volatile Throwable error;
    long deferred;

    WriteCapture reset() {
      done = false;
      error = null;
      return this;
    }

    void awaitDone() {
      if (!done) {
        deferred++;
        while (!done) {
          Thread.onSpinWait(); // a benchmark thread, not a non-blocking one
        }
      }
      if (error != null) {
        throw new IllegalStateException("the put failed", error);
      }
    }

    @Override
    public void onSubscribe(Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Object v) {}

    @Override
    public void onError(Throwable t) {
      error = t;
      done = true;
    }

    @Override
    public void onComplete() {
      done = true;
    }
  }

  @Benchmark
  public Object putlone_weir(WeirStore s) {
    int i = s.data.order[s.next++ & (Dataset.ORDER_SIZE - 1)];
    WriteCapture c = s.capture.reset();
    s.store.put(s.data.keyBytes[i], s.data.valueBytes[i]).subscribe(c);
    c.awaitDone();
    return c;
  }

  @Benchmark
  public byte[] putlone_map(RawMap s) {
    int i = s.data.order[s.next++ & (Dataset.ORDER_SIZE - 1)];
    return s.map.put(s.data.keys[i], s.data.values[i]);
  }
}
