package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Splits a random get into the caller's part and the store's part, for the absent-versus-present
 * target of issue 3. Fetching a random one of 1,000,000 caller keys ({@code Bytes}, then its
 * array) is two dependent cache misses that every store's get pays first; a bloom filter can
 * only make the rest cheap. Each operation picks its key from the previous one's result, so
 * operations cannot overlap their misses (a get is long and branchy enough that they barely
 * do in {@code readrandom} either), and the three methods measure the same chain:
 *
 * <ul>
 *   <li>{@code keyFetch}: fetch the key and read its bytes, nothing else;
 *   <li>{@code absentGet} / {@code presentGet}: the same, plus the engine's get.
 * </ul>
 *
 * The store's own cost is the get minus the fetch. This fetch is why the comparison's timed
 * reads compute their keys instead ({@link Dataset#key}), as db_bench does. By hand:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar KeyFetchBenchmark -f 1 -wi 3 -w 1s -i 3 -r 2s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class KeyFetchBenchmark {

  /** Where the chain is; one per thread. */
  @State(Scope.Thread)
  public static class Chain {
    int next;
    int carry;

    int index(Dataset data) {
      return data.order[(next++ + carry) & (Dataset.ORDER_SIZE - 1)];
    }
  }

  @Benchmark
  public int keyFetch(ReadRandomBenchmark.WeirEngine s, Chain c) {
    Bytes key = s.data.missingBytes[c.index(s.data)];
    return c.carry = key.byteAt(key.length() - 1) & 1;
  }

  @Benchmark
  public int absentGet(ReadRandomBenchmark.WeirEngine s, Chain c) {
    Bytes key = s.data.missingBytes[c.index(s.data)];
    Bytes value = s.engine.get(key);
    return c.carry = (key.byteAt(key.length() - 1) & 1) + (value == null ? 0 : 2);
  }

  @Benchmark
  public int presentGet(ReadRandomBenchmark.WeirEngine s, Chain c) {
    Bytes key = s.data.keyBytes[c.index(s.data)];
    Bytes value = s.engine.get(key);
    return c.carry = (key.byteAt(key.length() - 1) & 1) + (value == null ? 2 : 0);
  }
}
