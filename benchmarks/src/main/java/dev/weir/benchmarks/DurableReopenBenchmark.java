package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.EngineStats;
import dev.weir.reactive.ReactiveStore;
import java.nio.file.Path;
import java.util.Arrays;
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
import reactor.core.publisher.Flux;

/**
 * How long a durable Weir store of {@code keys} records (16-byte keys, 100-byte values) takes
 * to reopen: {@code Weir.open(config)} until its {@code Mono} emits the recovered store, ready
 * for reads and writes. {@code SingleShotTime}, one reopen per iteration; each iteration's
 * setup writes the store afresh in a new directory (256 puts in flight, {@code sync=always})
 * and closes it, outside the measurement; the teardown checks a few records and deletes it.
 *
 * <ul>
 *   <li>{@code shape=wal}: every record still in the write-ahead log, replayed on open (the
 *       memtable is made big enough, {@value #WAL_MEMTABLE_BYTES} bytes, that nothing is
 *       flushed: the setup checks the store made no flush);
 *   <li>{@code shape=runs}: default settings, flushed and compacted ({@code compact()}) before
 *       closing, so open loads the runs and the manifest and replays an empty log.
 * </ul>
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar DurableReopenBenchmark -f 1 -wi 1 -i 3
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class DurableReopenBenchmark {

  /** A memtable that holds a million records of 116 bytes with room to spare. */
  static final long WAL_MEMTABLE_BYTES = 1L << 30;

  @Param({"wal", "runs"})
  public String shape;

  @Param({"1000000"})
  public int keys;

  Path dir;
  EngineConfig config;
  ReactiveStore reopened;

  @Setup(Level.Trial)
  public void report() {
    JvmFlags.report();
    System.out.println("durable stores in " + BenchDir.describe());
  }

  @Setup(Level.Iteration)
  public void write() {
    dir = BenchDir.fresh("reopen-" + shape);
    config = config(shape, dir);
    ReactiveStore store = DurableWeir.open(config);
    load(store, keys);
    if (shape.equals("runs")) {
      store.compact().block(Dataset.TIMEOUT);
    }
    EngineStats stats = store.stats().block();
    if (shape.equals("wal") && stats.flushes() != 0) {
      throw new IllegalStateException("the wal shape flushed: " + stats);
    }
    store.close().block(DurableWeir.OPEN_TIMEOUT);
    System.out.println("\nwritten (" + shape + "): " + stats + "; " + BenchDir.size(dir)
        + " bytes on disk");
  }

  /** The store's settings for {@code shape}. */
  static EngineConfig config(String shape, Path dir) {
    EngineConfig.Builder b = DurableWeir.config(dir);
    if (shape.equals("wal")) {
      b.memtableBytes(WAL_MEMTABLE_BYTES);
    }
    return b.build();
  }

  /** Writes keys [0, n) with {@value Dataset#IN_FLIGHT} puts in flight. */
  static void load(ReactiveStore store, int n) {
    Flux.range(0, n)
        .flatMap(i -> store.put(Bytes.wrap(DurableKv.key(i)), Bytes.wrap(DurableKv.value(i))),
            Dataset.IN_FLIGHT)
        .blockLast(Dataset.TIMEOUT);
  }

  @TearDown(Level.Iteration)
  public void check() {
    try {
      for (int i : new int[] {0, keys / 2, keys - 1}) {
        Bytes v = reopened.get(Bytes.wrap(DurableKv.key(i))).block();
        if (v == null || !Arrays.equals(v.toByteArray(), DurableKv.value(i))) {
          throw new IllegalStateException("record " + i + " reads " + v + " after reopening");
        }
      }
      System.out.println("\nreopened (" + shape + "): " + reopened.stats().block());
      reopened.close().block(DurableWeir.OPEN_TIMEOUT);
    } finally {
      reopened = null;
      BenchDir.delete(dir);
    }
  }

  @Benchmark
  public ReactiveStore reopen() {
    reopened = DurableWeir.open(config);
    return reopened;
  }
}
