package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.reactive.ReactiveStore;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.Query;
import dev.weir.table.Table;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tables (issue 14) beside the KV API on the same data, one thread: {@code keys} users of
 * {@link TableData} (an item of 5 attributes, about 100 bytes; the KV record: the partition
 * key as key, the other four attributes as compact JSON as value), each store loaded,
 * compacted and settled before the measurement. Every call goes through the reactive API
 * ({@link Table}, {@link ReactiveStore}), subscribed with reusable subscribers as {@link
 * CompareReadBenchmark} does; each operation builds its key or item from the user's index, as
 * an application builds a request from its fields.
 *
 * <ul>
 *   <li>{@code put_table} / {@code put_kv}: {@code putItem} on a plain table (no index, TTL or
 *       stream: a blind write) / {@code put}, overwriting a random user with a new version,
 *       waiting until it is applied;
 *   <li>{@code put_table_2gsi}: {@code putItem} on the same table with two global indexes
 *       ({@link TableData#usersWithTwoIndexes}): a read of the old item and a commit of the
 *       item and its index entries in one optimistic transaction;
 *   <li>{@code get_table} / {@code get_kv}: {@code getItem} / {@code get} of a random user;
 *   <li>{@code mixed_table} / {@code mixed_kv}: 50/50 on one thread, one get and one put of
 *       random users per invocation (counted as 2 operations), as {@code readwhilewriting};
 *   <li>{@code query_table} / {@code query_kv}: the 100 items of a random team by {@code
 *       query("pk = :p")} on a table with a sort key / the 100 records of its key prefix by
 *       {@code scan(prefix)}, each consumed.
 * </ul>
 *
 * <p>Bytes per item against bytes per KV record are {@link TableMemory}'s (a figure of the
 * store's accounting, not a timing). Usually run by {@link Compare} ({@code --only=table}); by
 * hand:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'TableBenchmark.(get|put)_(table|kv)$' \
 *     -f 1 -wi 3 -w 1s -i 3 -r 2s -rf json -rff /tmp/tables.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class TableBenchmark {

  /** How many users every store holds. */
  @State(Scope.Benchmark)
  public static class Users {
    @Param({"1000000"})
    public int keys;

    @Setup(Level.Trial)
    public void report() {
      JvmFlags.report();
    }
  }

  /** A table store over a fresh Weir store, its one table loaded with {@code keys} items. */
  abstract static class LoadedTable {
    ReactiveStore store;
    TableStore tables;
    Table table;

    void open(TableSchema schema, int keys, IntFunction<Item> item) {
      store = Dataset.newStore("tables");
      tables = Tables.over(store);
      tables.createTable(schema).block(Dataset.TIMEOUT);
      table = tables.table(schema.name());
      long ms = load(store, keys, i -> table.putItem(item.apply(i)));
      System.out.println("\n" + schema.name() + " loaded and settled in " + ms + " ms: "
          + table.describe().block() + "\n" + store.stats().block());
    }

    @TearDown(Level.Trial)
    public void close() {
      tables.close().block(Dataset.TIMEOUT);
      store.close().block(Dataset.TIMEOUT);
    }
  }

  @State(Scope.Benchmark)
  public static class PlainTable extends LoadedTable {
    @Setup(Level.Trial)
    public void load(Users users) {
      open(TableData.users("users"), users.keys, i -> TableData.user(i, 0));
      Item first = table.getItem(TableData.userKey(0)).block();
      if (!TableData.user(0, 0).equals(first)) {
        throw new IllegalStateException("user 0 reads " + first);
      }
    }
  }

  @State(Scope.Benchmark)
  public static class IndexedTable extends LoadedTable {
    @Setup(Level.Trial)
    public void load(Users users) {
      open(TableData.usersWithTwoIndexes("users2gsi"), users.keys, i -> TableData.user(i, 0));
    }
  }

  @State(Scope.Benchmark)
  public static class TeamTable extends LoadedTable {
    @Setup(Level.Trial)
    public void load(Users users) {
      open(TableData.teams("teams"), users.keys, i -> TableData.member(i, 0));
    }
  }

  /** A Weir store loaded with {@code keys} KV records. */
  abstract static class LoadedKv {
    ReactiveStore store;

    void open(int keys, IntFunction<Bytes> key) {
      store = Dataset.newStore("kv");
      long ms = load(store, keys, i -> store.put(key.apply(i), TableData.kvValue(i, 0)));
      System.out.println("\nKV records loaded and settled in " + ms + " ms: "
          + store.stats().block());
    }

    @TearDown(Level.Trial)
    public void close() {
      store.close().block(Dataset.TIMEOUT);
    }
  }

  @State(Scope.Benchmark)
  public static class KvUsers extends LoadedKv {
    @Setup(Level.Trial)
    public void load(Users users) {
      open(users.keys, TableData::kvKey);
    }
  }

  @State(Scope.Benchmark)
  public static class KvTeams extends LoadedKv {
    @Setup(Level.Trial)
    public void load(Users users) {
      open(users.keys, TableData::kvMemberKey);
    }
  }

  /**
   * Writes {@code keys} records, 256 in flight, then compacts and settles the store; returns
   * the milliseconds it took.
   */
  static long load(ReactiveStore store, int keys, IntFunction<Mono<?>> put) {
    long t0 = System.nanoTime();
    Flux.range(0, keys).flatMap(put::apply, Dataset.IN_FLIGHT).blockLast(Dataset.TIMEOUT);
    store.compact().block(Dataset.TIMEOUT); // as the KV comparison's load ends
    try {
      Dataset.settle(store);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** The benchmark thread's place in the random order, its versions and subscribers. */
  @State(Scope.Thread)
  public static class Cursor {
    final Kv.Scratch scratch = new Kv.Scratch();
    int[] order;
    int next;
    /** Versions of the puts: 1, 2, ... (the loads wrote version 0). */
    int version;

    @Setup(Level.Trial)
    public void start(Users users) {
      order = TableData.order(users.keys);
    }

    int nextIndex() {
      return order[next++ & (TableData.ORDER_SIZE - 1)];
    }

    int nextVersion() {
      return ++version;
    }

    Object get(Mono<?> read) {
      Capture<Object> c = scratch.capture.reset();
      read.subscribe(c);
      if (!c.done) {
        c.checkDone(); // Weir reads signal on the subscribing thread
      }
      return c.value;
    }

    void await(Mono<?> write) {
      LonePutLatencyBenchmark.WriteCapture c = scratch.write.reset();
      write.subscribe(c);
      c.awaitDone();
    }

    int readAll(Flux<?> read, Blackhole bh) {
      Kv.ScanSink sink = scratch.sink.reset(bh);
      read.subscribe(sink);
      int n = sink.await();
      if (n != TableData.TEAM_SIZE) {
        throw new IllegalStateException("a team read " + n + " records");
      }
      return n;
    }
  }

  // ------------------------------------------------------------------ puts

  @Benchmark
  public void put_table(PlainTable t, Cursor c) {
    c.await(t.table.putItem(TableData.user(c.nextIndex(), c.nextVersion())));
  }

  @Benchmark
  public void put_kv(KvUsers kv, Cursor c) {
    int i = c.nextIndex();
    c.await(kv.store.put(TableData.kvKey(i), TableData.kvValue(i, c.nextVersion())));
  }

  @Benchmark
  public void put_table_2gsi(IndexedTable t, Cursor c) {
    c.await(t.table.putItem(TableData.user(c.nextIndex(), c.nextVersion())));
  }

  // ------------------------------------------------------------------ gets

  @Benchmark
  public Object get_table(PlainTable t, Cursor c) {
    return c.get(t.table.getItem(TableData.userKey(c.nextIndex())));
  }

  @Benchmark
  public Object get_kv(KvUsers kv, Cursor c) {
    return c.get(kv.store.get(TableData.kvKey(c.nextIndex())));
  }

  // ------------------------------------------------------------------ 50/50

  @Benchmark
  @OperationsPerInvocation(2)
  public Object mixed_table(PlainTable t, Cursor c) {
    Object item = c.get(t.table.getItem(TableData.userKey(c.nextIndex())));
    c.await(t.table.putItem(TableData.user(c.nextIndex(), c.nextVersion())));
    return item;
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public Object mixed_kv(KvUsers kv, Cursor c) {
    Object value = c.get(kv.store.get(TableData.kvKey(c.nextIndex())));
    int i = c.nextIndex();
    c.await(kv.store.put(TableData.kvKey(i), TableData.kvValue(i, c.nextVersion())));
    return value;
  }

  // ------------------------------------------------------------------ a partition of 100

  @Benchmark
  public int query_table(TeamTable t, Cursor c, Blackhole bh) {
    String team = TableData.teamId(c.nextIndex() / TableData.TEAM_SIZE);
    return c.readAll(t.table.query(Query.builder().keyCondition("pk = :p")
        .value(":p", AttributeValue.string(team)).build()), bh);
  }

  @Benchmark
  public int query_kv(KvTeams kv, Cursor c, Blackhole bh) {
    return c.readAll(kv.store.scan(TableData.kvTeamPrefix(c.nextIndex() / TableData.TEAM_SIZE)),
        bh);
  }
}
