package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.Entry;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.table.Table;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import dev.weir.table.codec.ItemSize;
import java.util.Locale;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bytes per item against bytes per KV record of the same content ({@link TableData}): the
 * memory the store accounts for (its {@code EngineStats.liveBytes}: memtables, runs with their
 * key blocks, fences and bloom filters) after {@code n} users were written, compacted and
 * settled, minus the same figure for the empty store, divided by {@code n}. One store holds a
 * plain table of {@code n} items, another {@code n} KV records.
 *
 * <p>A figure of the store's own accounting, not of the garbage collector's, so it is the same
 * from run to run. The change log, a ring of the last changes kept for streams (65,536 of them
 * and 16 MiB at most by default), is counted in {@code liveBytes} too, but it is a fixed buffer
 * that does not grow with the data: both stores here keep it at its smallest (1,024 changes,
 * 1 KiB), and one marker write after the load evicts what it held of the load.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.TableMemory 1000000
 * }</pre>
 */
final class TableMemory {

  /**
   * The bytes the store accounts per item and per KV record, and what each holds: the mean
   * engine key plus value of an item and of a record, and the item's mean DynamoDB size.
   */
  record Footprint(int n, double itemBytes, double kvBytes, double itemEntryBytes,
      double kvEntryBytes, double itemSize) {

    double ratio() {
      return itemBytes / kvBytes;
    }
  }

  private static final Bytes MARKER = Bytes.utf8("~marker");

  private TableMemory() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : Dataset.KEYS;
    Footprint f = measure(n);
    System.out.printf(Locale.ROOT,
        "%,d users: %.1f bytes per item, %.1f per KV record (%.2fx); an item's key and value"
            + " %.1f bytes (DynamoDB size %.1f), a KV record's %.1f%n",
        f.n(), f.itemBytes(), f.kvBytes(), f.ratio(), f.itemEntryBytes(), f.itemSize(),
        f.kvEntryBytes());
  }

  static Footprint measure(int n) throws InterruptedException {
    double[] items = tableBytes(n);
    double[] kv = kvBytes(n);
    double size = 0;
    for (int i = 0; i < n; i++) {
      size += ItemSize.of(TableData.user(i, 0));
    }
    return new Footprint(n, items[0], kv[0], items[1], kv[1], size / n);
  }

  /** Accounted bytes per item, and the mean engine key and value of an item. */
  private static double[] tableBytes(int n) throws InterruptedException {
    return perRecord(n, (store, count) -> {
      TableStore tables = Tables.over(store);
      tables.createTable(TableData.users("users")).block(Dataset.TIMEOUT);
      Table users = tables.table("users");
      write(count, i -> users.putItem(TableData.user(i, 0)));
      tables.close().block(Dataset.TIMEOUT);
    });
  }

  private static double[] kvBytes(int n) throws InterruptedException {
    return perRecord(n, (store, count) ->
        write(count, i -> store.put(TableData.kvKey(i), TableData.kvValue(i, 0))));
  }

  private interface Loader {
    void load(ReactiveStore store, int count);
  }

  /**
   * (live bytes with {@code n} records - live bytes with none) / n, each store loaded,
   * marked, compacted and settled the same way; and the mean key and value bytes of the data.
   */
  private static double[] perRecord(int n, Loader loader) throws InterruptedException {
    long empty = settledLiveBytes(0, loader, null);
    long[] entryBytes = new long[1];
    long full = settledLiveBytes(n, loader, entryBytes);
    return new double[] {(double) (full - empty) / n, (double) entryBytes[0] / n};
  }

  private static long settledLiveBytes(int n, Loader loader, long[] entryBytes)
      throws InterruptedException {
    ReactiveStore store = Weir.inMemory(EngineConfig.builder().name("footprint")
        .changeLogCapacity(1024).changeLogBytes(1024).build());
    try {
      loader.load(store, n);
      store.put(MARKER, Bytes.EMPTY).block(Dataset.TIMEOUT); // alone in its group: evicts the rest
      store.compact().block(Dataset.TIMEOUT);
      long live = Dataset.settle(store).liveBytes();
      if (entryBytes != null) {
        entryBytes[0] = store.scan(Bytes.EMPTY)
            .filter(e -> !e.key().equals(MARKER) && isData(e))
            .map(e -> (long) e.key().length() + e.value().length())
            .reduce(0L, Long::sum).block(Dataset.TIMEOUT);
      }
      return live;
    } finally {
      store.close().block(Dataset.TIMEOUT);
    }
  }

  /** Not the tables' catalog (keys under {@code \0t}): items and KV records. */
  private static boolean isData(Entry e) {
    return !(e.key().length() >= 2 && e.key().byteAt(0) == 0 && e.key().byteAt(1) == 't');
  }

  private static void write(int count, IntFunction<Mono<?>> put) {
    Flux.range(0, count).flatMap(put::apply, Dataset.IN_FLIGHT).blockLast(Dataset.TIMEOUT);
  }
}
