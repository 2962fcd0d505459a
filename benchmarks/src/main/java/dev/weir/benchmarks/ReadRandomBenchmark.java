package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.Engine;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.EngineStats;
import dev.weir.engine.WeirException;
import dev.weir.engine.WriteCallback;
import dev.weir.reactive.ReactiveStore;
import java.util.Arrays;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

/**
 * db_bench {@code readrandom} and {@code readmissing}: point reads of random keys in a store
 * of 1,000,000 keys of 16 bytes with 100-byte values (fixed seed, see {@link Dataset}), Weir
 * side by side with a raw {@code ConcurrentSkipListMap<byte[], byte[]>} ordered by {@code
 * Arrays::compareUnsigned} holding the same data.
 *
 * <ul>
 *   <li>{@code *_weir}: {@code store.get(key)} through the reactive API, subscribed with a
 *       reusable {@link Capture} subscriber (Weir reads on the subscribing thread, so the value
 *       is there when {@code subscribe} returns). This is the full API cost: the {@code Mono}
 *       and its lambda, the subscription, the engine lookup and the {@code Bytes} result.
 *   <li>{@code *_engine}: {@code Engine.get(key)} on an engine loaded the same way, to split
 *       the reactive envelope from the engine's own lookup.
 *   <li>{@code *_map}: {@code map.get(key)}.
 * </ul>
 *
 * <p>The stores are loaded once per fork in {@code @Setup(Level.Trial)} (Weir with 256 puts in
 * flight) and then left to finish their flushes and compactions, so reads see a settled shape
 * (printed at setup). Each thread walks its own part of a precomputed random key order. The
 * {@code _2threads} variants run two reader threads on the same store.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ReadRandomBenchmark \
 *     -f 1 -wi 2 -i 3 -w 2s -r 3s -jvmArgs "-Xms4g -Xmx4g" \
 *     -rf json -rff benchmarks/results/readrandom.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ReadRandomBenchmark {

  /** A Weir store loaded through the reactive API. */
  @State(Scope.Benchmark)
  public static class WeirStore {
    ReactiveStore store;
    Dataset data;

    @Setup(Level.Trial)
    public void load() throws InterruptedException {
      data = Dataset.get();
      store = Dataset.newStore("readrandom");
      data.load(store);
      store.compact().block(Dataset.TIMEOUT); // as every read benchmark's load ends
      EngineStats stats = Dataset.settle(store);
      System.out.println("\nWeir store after load: " + stats);
      verify(data, k -> store.get(k).block());
    }

    @TearDown(Level.Trial)
    public void close() {
      store.close().block();
    }
  }

  /** A Weir engine loaded through its own API (no reactive envelope). */
  @State(Scope.Benchmark)
  public static class WeirEngine {
    Engine engine;
    Dataset data;

    @Setup(Level.Trial)
    public void load() throws InterruptedException {
      data = Dataset.get();
      engine = Engine.open(EngineConfig.builder().name("readrandom-engine").build());
      AtomicReference<WeirException> failure = new AtomicReference<>();
      AtomicInteger pending = new AtomicInteger();
      WriteCallback callback =
          new WriteCallback() {
            @Override
            public void onSuccess(long sequence, long result) {
              pending.decrementAndGet();
            }

            @Override
            public void onError(WeirException error) {
              failure.set(error);
              pending.decrementAndGet();
            }
          };
      for (int i = 0; i < Dataset.KEYS; i++) {
        pending.incrementAndGet();
        engine.put(Bytes.of(data.keys[i]), data.valueBytes[i], callback);
      }
      while (pending.get() > 0) {
        Thread.sleep(10); // writes held back for compaction complete on another thread
      }
      if (failure.get() != null) {
        throw failure.get();
      }
      try {
        engine.flushAndCompact().get(); // as every read benchmark's load ends
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
      EngineStats stats = Dataset.settle(engine::stats);
      System.out.println("\nWeir engine after load: " + stats);
      verify(data, engine::get);
    }

    @TearDown(Level.Trial)
    public void close() {
      engine.close();
    }
  }

  /** The raw map with the same data. */
  @State(Scope.Benchmark)
  public static class RawMap {
    ConcurrentSkipListMap<byte[], byte[]> map;
    Dataset data;

    @Setup(Level.Trial)
    public void load() {
      data = Dataset.get();
      map = Dataset.newMap();
      data.load(map);
      for (int i = 0; i < 1000; i++) {
        if (!Arrays.equals(map.get(data.keys[i]), data.values[i])
            || map.get(data.missing[i]) != null) {
          throw new IllegalStateException("the map does not hold the data set");
        }
      }
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
      next = THREADS.getAndIncrement() * (Dataset.ORDER_SIZE / 8); // threads walk apart
    }

    int nextIndex() {
      int i = order[next & (Dataset.ORDER_SIZE - 1)];
      next++;
      return i;
    }
  }

  interface Lookup {
    Bytes get(Bytes key);
  }

  static void verify(Dataset data, Lookup lookup) {
    for (int i = 0; i < 1000; i++) {
      Bytes v = lookup.get(data.keyBytes[i]);
      if (v == null || !Arrays.equals(v.toByteArray(), data.values[i])) {
        throw new IllegalStateException("key " + i + " reads " + v);
      }
      if (lookup.get(data.missingBytes[i]) != null) {
        throw new IllegalStateException("missing key " + i + " is present");
      }
    }
  }

  // ---------------------------------------------------------------- readrandom

  @Benchmark
  public Bytes readrandom_weir(WeirStore s, Reader r) {
    return weirGet(s, r, Bytes.wrap(Dataset.key(r.nextIndex())));
  }

  @Benchmark
  public Bytes readrandom_engine(WeirEngine s, Reader r) {
    return s.engine.get(Bytes.wrap(Dataset.key(r.nextIndex())));
  }

  @Benchmark
  public byte[] readrandom_map(RawMap s, Reader r) {
    return s.map.get(Dataset.key(r.nextIndex()));
  }

  @Benchmark
  @Threads(2)
  public Bytes readrandom_weir_2threads(WeirStore s, Reader r) {
    return weirGet(s, r, Bytes.wrap(Dataset.key(r.nextIndex())));
  }

  @Benchmark
  @Threads(2)
  public byte[] readrandom_map_2threads(RawMap s, Reader r) {
    return s.map.get(Dataset.key(r.nextIndex()));
  }

  // ---------------------------------------------------------------- readmissing

  @Benchmark
  public Bytes readmissing_weir(WeirStore s, Reader r) {
    return weirGet(s, r, Bytes.wrap(Dataset.missingKey(r.nextIndex())));
  }

  @Benchmark
  public Bytes readmissing_engine(WeirEngine s, Reader r) {
    return s.engine.get(Bytes.wrap(Dataset.missingKey(r.nextIndex())));
  }

  @Benchmark
  public byte[] readmissing_map(RawMap s, Reader r) {
    return s.map.get(Dataset.missingKey(r.nextIndex()));
  }

  @Benchmark
  @Threads(2)
  public Bytes readmissing_weir_2threads(WeirStore s, Reader r) {
    return weirGet(s, r, Bytes.wrap(Dataset.missingKey(r.nextIndex())));
  }

  @Benchmark
  @Threads(2)
  public byte[] readmissing_map_2threads(RawMap s, Reader r) {
    return s.map.get(Dataset.missingKey(r.nextIndex()));
  }

  private static Bytes weirGet(WeirStore s, Reader r, Bytes key) {
    Capture<Bytes> c = r.capture.reset();
    s.store.get(key).subscribe(c);
    if (!c.done) {
      c.checkDone();
    }
    return c.value; // JMH's Blackhole consumes the returned value
  }
}
