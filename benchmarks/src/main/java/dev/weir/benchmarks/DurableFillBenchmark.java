package dev.weir.benchmarks;

import java.nio.file.Path;
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
 * Durable {@code fillrandom} (issue 16): 16-byte random keys, 100-byte values, into an empty
 * store in a fresh directory per iteration (deleted after), every write acknowledged only once
 * it is on disk, for each durable store of {@link DurableKv}: Weir with {@code sync=always},
 * RocksDB JNI with its WAL and {@code sync=true}, H2 MVStore on a file with a commit and a sync
 * per write. Two shapes, side by side in one run:
 *
 * <ul>
 *   <li>{@code fillrandom_lone}: one write in flight; {@code AverageTime}, µs per acknowledged
 *       write: a lone put's latency, to set beside the disk's fsync ({@link FsyncProbe});
 *   <li>{@code fillrandom_256}: 256 writes in flight; {@code Throughput}, acknowledged writes/s.
 *       The benchmark thread issues writes through an {@link InFlight} window of 256 and each
 *       acknowledgement frees a slot, the same for every store: Weir's puts are asynchronous
 *       (256 subscribed {@code Mono}s, group-committed inside Weir), RocksDB and MVStore block
 *       their caller, so their 256 queued writes are served by {@code writers} threads (16 by
 *       default: on 2 cores more threads only add switching, fewer leave RocksDB's write groups
 *       small; see {@link DurableKv}). JMH counts writes issued in the iteration; at most 256
 *       of them are unacknowledged when it ends (drained, outside the measurement, before the
 *       store closes), well under 1% of any store's count.
 * </ul>
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'DurableFillBenchmark' -f 1 -wi 1 -w 2s -i 3 -r 2s
 * java -jar benchmarks/target/benchmarks.jar 'DurableFillBenchmark.fillrandom_256' \
 *     -p store=rocksdb -p writers=8,16,32 -f 1 -wi 1 -w 2s -i 3 -r 2s
 * }</pre>
 *
 * Directories: {@link BenchDir} ({@code -jvmArgsAppend -Dweir.bench.dir=/path} to move them;
 * they must be on the disk under test, not a tmpfs).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class DurableFillBenchmark {

  static final int IN_FLIGHT = Dataset.IN_FLIGHT;

  @Param({"weir", "rocksdb", "mvstore"})
  public String store;

  /** Writer threads of the blocking stores (RocksDB, MVStore) at 256 in flight. */
  @Param({"16"})
  public int writers;

  DurableKv kv;
  Path dir;
  InFlight window;
  long next;

  @Setup(Level.Trial)
  public void report() {
    JvmFlags.report();
    System.out.println("durable stores in " + BenchDir.describe());
  }

  @Setup(Level.Iteration)
  public void fresh() {
    dir = BenchDir.fresh("durable-" + store);
    kv = DurableKv.open(store, dir, writers);
    window = new InFlight(IN_FLIGHT);
    next = 0;
  }

  @TearDown(Level.Iteration)
  public void close() {
    try {
      window.drain();
      System.out.println("\n" + kv.describe() + "; " + next + " writes, "
          + BenchDir.size(dir) + " bytes on disk");
      kv.close();
    } finally {
      kv = null;
      BenchDir.delete(dir);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void fillrandom_lone() {
    kv.put(next++);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void fillrandom_256() {
    window.acquire();
    kv.putAsync(next++, window);
  }
}
