package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.LocalMap;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ByteArrayDataType;
import org.openjdk.jmh.infra.Blackhole;
import org.reactivestreams.Subscription;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Env;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.WriteOptions;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One key-value store of the comparison, behind the few operations the db_bench workloads need.
 * Every implementation is the real library from Maven Central, used the way its users would
 * use it; nothing is mocked. Weir goes through its <b>reactive</b> API ({@link ReactiveStore}).
 *
 * <p>Stores (the {@code store} parameter of the comparison benchmarks):
 *
 * <ul>
 *   <li>{@code weir}: {@code Weir.inMemory} with default settings, reactive API;
 *   <li>{@code map}: a raw {@code ConcurrentSkipListMap<byte[], byte[]>} ordered by {@code
 *       Arrays::compareUnsigned} (the in-JVM limit for a sorted map);
 *   <li>{@code map_reactive}: the same map behind {@code Mono.fromCallable} / {@code Flux}
 *       (the cost of a reactive envelope alone);
 *   <li>{@code rocksdb}: RocksDB JNI on its in-memory {@code Env}, WAL off, 10-bit bloom
 *       filters, a 512 MiB block cache;
 *   <li>{@code mvstore}: H2 MVStore in memory, an {@code MVMap<byte[], byte[]>} with an unsigned
 *       byte-array key type;
 *   <li>{@code vertx_local} / {@code vertx_async}: Vert.x {@code SharedData}'s {@code LocalMap}
 *       and local {@code AsyncMap}, with {@code Buffer} keys (hash maps: no ordered scan).
 * </ul>
 *
 * <p>Per-thread scratch objects (reusable subscribers) live in {@link Scratch}.
 */
abstract class Kv implements AutoCloseable {

  static final List<String> STORES =
      List.of("weir", "map", "map_reactive", "rocksdb", "mvstore", "vertx_local", "vertx_async");

  /** Number of entries a {@code seekrandom} reads. */
  static final int SEEK_ENTRIES = 100;

  final Dataset data;

  Kv(Dataset data) {
    this.data = data;
  }

  static Kv open(String store, Dataset data) {
    switch (store) {
      case "weir":
        return new WeirKv(data);
      case "map":
        return new MapKv(data);
      case "map_reactive":
        return new ReactiveMapKv(data);
      case "rocksdb":
        return new RocksKv(data);
      case "mvstore":
        return new MvKv(data);
      case "vertx_local":
        return new VertxLocalKv(data);
      case "vertx_async":
        return new VertxAsyncKv(data);
      default:
        throw new IllegalArgumentException("unknown store: " + store);
    }
  }

  /** Whether the store is ordered (has a {@code seekrandom}). */
  boolean ordered() {
    return true;
  }

  /** Puts keys [from, to) of {@code seq ? seqKeys : keys} with their values; for the fills. */
  abstract void fill(boolean seq, int from, int to);

  /**
   * Loads every random key with a private copy of key and value (nothing shared with the data
   * set, so retained-heap figures are the store's own), then waits until the store is settled.
   */
  abstract void load();

  /** The value of present key {@code i}. */
  abstract Object get(int i, Scratch s);

  /** Looks up absent key {@code i}; null. */
  abstract Object getMissing(int i, Scratch s);

  /** Reads {@value #SEEK_ENTRIES} entries from key {@code i} on; returns how many. */
  abstract int seek(int i, Scratch s, Blackhole bh);

  /** Overwrites key {@code i} with value {@code v}, one put, waits until it is applied. */
  abstract void put(int i, int v, Scratch s);

  /** Number of entries (for checks). */
  abstract long count();

  /** The store's shape after loading, for the log. */
  String describe() {
    return getClass().getSimpleName() + " with " + count() + " entries";
  }

  @Override
  public abstract void close();

  /** Checks the store holds the data set: 1000 present keys read their values, absent keys null. */
  void verify() {
    Scratch s = new Scratch();
    for (int k = 0; k < Math.min(1000, data.size); k++) {
      Object v = get(k, s);
      if (v == null || !Arrays.equals(bytes(v), data.values[k])) {
        throw new IllegalStateException(getClass().getSimpleName() + ": key " + k + " reads " + v);
      }
      if (getMissing(k, s) != null) {
        throw new IllegalStateException(getClass().getSimpleName() + ": missing key " + k);
      }
    }
  }

  static byte[] bytes(Object v) {
    if (v instanceof byte[]) {
      return (byte[]) v;
    } else if (v instanceof Bytes) {
      return ((Bytes) v).toByteArray();
    } else if (v instanceof Buffer) {
      return ((Buffer) v).getBytes();
    }
    throw new IllegalArgumentException("value of type " + v.getClass());
  }

  // ================================================================ per-thread scratch

  /** Reusable subscribers of one thread. */
  static final class Scratch {
    final Capture<Object> capture = new Capture<>();
    final LonePutLatencyBenchmark.WriteCapture write = new LonePutLatencyBenchmark.WriteCapture();
    final ScanSink sink = new ScanSink();
  }

  /** Consumes a scan's entries into a Blackhole and counts them; volatile end flag. */
  static final class ScanSink implements CoreSubscriber<Object> {
    Blackhole bh;
    int count;
    volatile boolean done;
    volatile Throwable error;

    ScanSink reset(Blackhole bh) {
      this.bh = bh;
      count = 0;
      done = false;
      error = null;
      return this;
    }

    int await() {
      while (!done) {
        Thread.onSpinWait(); // a benchmark thread; Weir's scans normally end inline
      }
      if (error != null) {
        throw new IllegalStateException("the scan failed", error);
      }
      return count;
    }

    @Override
    public void onSubscribe(Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Object o) {
      bh.consume(o);
      count++;
    }

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

  // ================================================================ Weir

  /** Weir through its reactive API. */
  static final class WeirKv extends Kv {
    final ReactiveStore store;

    WeirKv(Dataset data) {
      super(data);
      store = Dataset.newStore("compare");
    }

    @Override
    void fill(boolean seq, int from, int to) {
      Bytes[] keys = seq ? data.seqKeyBytes : data.keyBytes;
      Bytes[] values = data.valueBytes;
      ReactiveStore s = store;
      Flux.range(from, to - from)
          .flatMap(i -> s.put(keys[i], values[i]), Dataset.IN_FLIGHT)
          .blockLast(Dataset.TIMEOUT);
    }

    @Override
    void load() {
      byte[][] keys = data.keys;
      byte[][] values = data.values;
      ReactiveStore s = store;
      Flux.range(0, data.size)
          .flatMap(i -> s.put(Bytes.of(keys[i]), Bytes.of(values[i])), Dataset.IN_FLIGHT)
          .blockLast(Dataset.TIMEOUT);
      store.compact().block(Dataset.TIMEOUT); // as RocksDB's load ends with CompactRange
      try {
        Dataset.settle(store);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    Object get(int i, Scratch s) {
      return get(Bytes.wrap(Dataset.key(i)), s);
    }

    @Override
    Object getMissing(int i, Scratch s) {
      return get(Bytes.wrap(Dataset.missingKey(i)), s);
    }

    private Object get(Bytes key, Scratch s) {
      Capture<Object> c = s.capture.reset();
      store.get(key).subscribe(c);
      if (!c.done) {
        c.checkDone();
      }
      return c.value;
    }

    @Override
    int seek(int i, Scratch s, Blackhole bh) {
      ScanSink sink = s.sink.reset(bh);
      store.scan(KeyRange.from(Bytes.wrap(Dataset.key(i))).limit(SEEK_ENTRIES)).subscribe(sink);
      return sink.await();
    }

    @Override
    void put(int i, int v, Scratch s) {
      LonePutLatencyBenchmark.WriteCapture c = s.write.reset();
      store.put(Bytes.wrap(Dataset.key(i)), data.valueBytes[v]).subscribe(c);
      c.awaitDone();
    }

    @Override
    long count() {
      return store.stats().block().lastSequence();
    }

    @Override
    String describe() {
      return "Weir: " + store.stats().block();
    }

    @Override
    public void close() {
      store.close().block();
    }
  }

  // ================================================================ map-shaped stores

  /**
   * A store that is a {@code Map<byte[], byte[]>} (the raw skip list, MVStore's MVMap): fills,
   * loads, gets and puts are the same map calls for both, so they live here once.
   */
  abstract static class MapBackedKv<M extends Map<byte[], byte[]>> extends Kv {
    final M map;

    MapBackedKv(Dataset data, M map) {
      super(data);
      this.map = map;
    }

    @Override
    void fill(boolean seq, int from, int to) {
      byte[][] keys = seq ? data.seqKeys : data.keys;
      byte[][] values = data.values;
      M m = map;
      for (int i = from; i < to; i++) {
        m.put(keys[i], values[i]);
      }
    }

    @Override
    void load() {
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i].clone(), data.values[i].clone());
      }
    }

    @Override
    Object get(int i, Scratch s) {
      return map.get(Dataset.key(i));
    }

    @Override
    Object getMissing(int i, Scratch s) {
      return map.get(Dataset.missingKey(i));
    }

    @Override
    void put(int i, int v, Scratch s) {
      map.put(Dataset.key(i), data.values[v]);
    }

  }

  // ================================================================ raw map

  /** The raw sorted map. */
  static class MapKv extends MapBackedKv<ConcurrentSkipListMap<byte[], byte[]>> {

    MapKv(Dataset data) {
      super(data, Dataset.newMap());
    }

    @Override
    int seek(int i, Scratch s, Blackhole bh) {
      Iterator<Map.Entry<byte[], byte[]>> it = map.tailMap(Dataset.key(i), true).entrySet().iterator();
      int n = 0;
      while (n < SEEK_ENTRIES && it.hasNext()) {
        Map.Entry<byte[], byte[]> e = it.next();
        bh.consume(e.getKey());
        bh.consume(e.getValue());
        n++;
      }
      return n;
    }

    @Override
    long count() {
      return map.size();
    }

    @Override
    public void close() {}
  }

  /** The same map behind Mono.fromCallable / Flux, subscribed like Weir. */
  static final class ReactiveMapKv extends MapKv {
    ReactiveMapKv(Dataset data) {
      super(data);
    }

    @Override
    void fill(boolean seq, int from, int to) {
      byte[][] keys = seq ? data.seqKeys : data.keys;
      byte[][] values = data.values;
      ConcurrentSkipListMap<byte[], byte[]> m = map;
      Flux.range(from, to - from)
          .flatMap(i -> Mono.fromCallable(() -> m.put(keys[i], values[i])), Dataset.IN_FLIGHT)
          .blockLast(Dataset.TIMEOUT);
    }

    @Override
    Object get(int i, Scratch s) {
      return get(Dataset.key(i), s);
    }

    @Override
    Object getMissing(int i, Scratch s) {
      return get(Dataset.missingKey(i), s);
    }

    private Object get(byte[] key, Scratch s) {
      Capture<Object> c = s.capture.reset();
      ConcurrentSkipListMap<byte[], byte[]> m = map;
      Mono.fromCallable(() -> m.get(key)).subscribe(c);
      if (!c.done) {
        c.checkDone();
      }
      return c.value;
    }

    @Override
    int seek(int i, Scratch s, Blackhole bh) {
      ScanSink sink = s.sink.reset(bh);
      Flux.fromIterable(map.tailMap(Dataset.key(i), true).entrySet())
          .take(SEEK_ENTRIES)
          .subscribe(sink);
      return sink.await();
    }

    @Override
    void put(int i, int v, Scratch s) {
      LonePutLatencyBenchmark.WriteCapture c = s.write.reset();
      byte[] k = Dataset.key(i);
      byte[] value = data.values[v];
      ConcurrentSkipListMap<byte[], byte[]> m = map;
      Mono.fromRunnable(() -> m.put(k, value)).then().subscribe(c);
      c.awaitDone();
    }
  }

  // ================================================================ RocksDB

  /** RocksDB JNI on its in-memory Env, WAL off, bloom filters on. */
  static final class RocksKv extends Kv {
    static {
      RocksDB.loadLibrary();
    }

    final Env env = new RocksMemEnv(Env.getDefault());
    final LRUCache cache = new LRUCache(512L << 20);
    final Options options;
    final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
    final RocksDB db;
    final String path;

    RocksKv(Dataset data) {
      super(data);
      BlockBasedTableConfig table =
          new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false))
              .setBlockCache(cache);
      options =
          new Options().setCreateIfMissing(true).setEnv(env).setTableFormatConfig(table)
              .setMaxBackgroundJobs(2);
      try {
        path = Files.createTempDirectory("weir-bench-rocks").toString();
        db = RocksDB.open(options, path);
      } catch (RocksDBException | java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    void fill(boolean seq, int from, int to) {
      byte[][] keys = seq ? data.seqKeys : data.keys;
      byte[][] values = data.values;
      try {
        for (int i = from; i < to; i++) {
          db.put(writeOptions, keys[i], values[i]);
        }
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    void load() {
      fill(false, 0, data.size); // JNI copies keys and values into native memory
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        db.flush(flush);
        db.compactRange();
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    Object get(int i, Scratch s) {
      return get(Dataset.key(i));
    }

    @Override
    Object getMissing(int i, Scratch s) {
      return get(Dataset.missingKey(i));
    }

    private byte[] get(byte[] key) {
      try {
        return db.get(key);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    int seek(int i, Scratch s, Blackhole bh) {
      int n = 0;
      try (RocksIterator it = db.newIterator()) {
        for (it.seek(Dataset.key(i)); n < SEEK_ENTRIES && it.isValid(); it.next()) {
          bh.consume(it.key());
          bh.consume(it.value());
          n++;
        }
      }
      return n;
    }

    @Override
    void put(int i, int v, Scratch s) {
      try {
        db.put(writeOptions, Dataset.key(i), data.values[v]);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    long count() {
      try {
        return db.getLongProperty("rocksdb.estimate-num-keys");
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    String describe() {
      try {
        return "RocksDB: ~" + count() + " keys, "
            + db.getProperty("rocksdb.num-files-at-level0") + " L0 files, memtables "
            + db.getLongProperty("rocksdb.cur-size-all-mem-tables") + " B";
      } catch (RocksDBException e) {
        return "RocksDB: " + e;
      }
    }

    @Override
    public void close() {
      db.close();
      try (Options o = new Options().setEnv(env)) {
        RocksDB.destroyDB(path, o);
      } catch (RocksDBException e) {
        // best effort: the in-memory env goes away with the JVM
      }
      try {
        Files.deleteIfExists(Path.of(path));
      } catch (java.io.IOException e) {
        // ignore
      }
      writeOptions.close();
      options.close();
      cache.close();
      env.close();
    }
  }

  // ================================================================ H2 MVStore

  /** An unsigned byte-array key type (MVStore's ByteArrayDataType has no order). */
  static final class UnsignedBytesType extends BasicDataType<byte[]> {
    static final UnsignedBytesType INSTANCE = new UnsignedBytesType();

    @Override
    public int compare(byte[] a, byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }

    @Override
    public int getMemory(byte[] obj) {
      return 24 + obj.length;
    }

    @Override
    public void write(WriteBuffer buff, byte[] obj) {
      buff.putVarInt(obj.length).put(obj);
    }

    @Override
    public byte[] read(ByteBuffer buff) {
      byte[] b = new byte[org.h2.mvstore.DataUtils.readVarInt(buff)];
      buff.get(b);
      return b;
    }

    @Override
    public byte[][] createStorage(int size) {
      return new byte[size][];
    }
  }

  /** H2 MVStore in memory. */
  static final class MvKv extends MapBackedKv<MVMap<byte[], byte[]>> {
    final MVStore mv;

    MvKv(Dataset data) {
      this(data, new MVStore.Builder().open()); // no file name: in memory
    }

    private MvKv(Dataset data, MVStore mv) {
      super(
          data,
          mv.openMap(
              "bench",
              new MVMap.Builder<byte[], byte[]>()
                  .keyType(UnsignedBytesType.INSTANCE)
                  .valueType(ByteArrayDataType.INSTANCE)));
      this.mv = mv;
    }

    @Override
    int seek(int i, Scratch s, Blackhole bh) {
      Cursor<byte[], byte[]> c = map.cursor(Dataset.key(i));
      int n = 0;
      while (n < SEEK_ENTRIES && c.hasNext()) {
        bh.consume(c.next());
        bh.consume(c.getValue());
        n++;
      }
      return n;
    }

    @Override
    long count() {
      return map.sizeAsLong();
    }

    @Override
    public void close() {
      mv.close();
    }
  }

  // ================================================================ Vert.x

  /** Vert.x LocalMap: a hash map that keeps the caller's key and value on put, copies on get. */
  static final class VertxLocalKv extends Kv {
    final Vertx vertx = Vertx.vertx();
    final LocalMap<Buffer, byte[]> map = vertx.sharedData().getLocalMap("bench");
    final Buffer[] keys;
    final Buffer[] seqKeys;

    VertxLocalKv(Dataset data) {
      super(data);
      keys = buffers(data.keys);
      seqKeys = buffers(data.seqKeys);
    }

    static Buffer[] buffers(byte[][] arrays) {
      Buffer[] out = new Buffer[arrays.length];
      for (int i = 0; i < arrays.length; i++) {
        out[i] = Buffer.buffer(arrays[i]);
      }
      return out;
    }

    @Override
    boolean ordered() {
      return false;
    }

    @Override
    void fill(boolean seq, int from, int to) {
      Buffer[] k = seq ? seqKeys : keys;
      byte[][] values = data.values;
      LocalMap<Buffer, byte[]> m = map;
      for (int i = from; i < to; i++) {
        m.put(k[i], values[i]);
      }
    }

    @Override
    void load() { // LocalMap.put keeps the caller's objects (it copies on get): own copies
      for (int i = 0; i < data.size; i++) {
        map.put(Buffer.buffer(data.keys[i].clone()), data.values[i].clone());
      }
    }

    @Override
    Object get(int i, Scratch s) {
      return map.get(Buffer.buffer(Dataset.key(i)));
    }

    @Override
    Object getMissing(int i, Scratch s) {
      return map.get(Buffer.buffer(Dataset.missingKey(i)));
    }

    @Override
    int seek(int i, Scratch s, Blackhole bh) {
      throw new UnsupportedOperationException("LocalMap is a hash map: no ordered scan");
    }

    @Override
    void put(int i, int v, Scratch s) {
      map.put(Buffer.buffer(Dataset.key(i)), data.values[v]);
    }

    @Override
    long count() {
      return map.size();
    }

    @Override
    public void close() {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** Vert.x's local AsyncMap, each operation's Future awaited before the next. */
  static final class VertxAsyncKv extends Kv {
    final Vertx vertx = Vertx.vertx();
    final AsyncMap<Buffer, byte[]> map;
    final Buffer[] keys;
    final Buffer[] seqKeys;

    VertxAsyncKv(Dataset data) {
      super(data);
      map = join(vertx.sharedData().<Buffer, byte[]>getLocalAsyncMap("bench"));
      keys = VertxLocalKv.buffers(data.keys);
      seqKeys = VertxLocalKv.buffers(data.seqKeys);
    }

    static <T> T join(Future<T> f) {
      if (!f.isComplete()) {
        return f.toCompletionStage().toCompletableFuture().join();
      }
      if (f.failed()) {
        throw new IllegalStateException(f.cause());
      }
      return f.result();
    }

    @Override
    boolean ordered() {
      return false;
    }

    @Override
    void fill(boolean seq, int from, int to) {
      Buffer[] k = seq ? seqKeys : keys;
      byte[][] values = data.values;
      AsyncMap<Buffer, byte[]> m = map;
      for (int i = from; i < to; i++) {
        join(m.put(k[i], values[i]));
      }
    }

    @Override
    void load() {
      for (int i = 0; i < data.size; i++) {
        join(map.put(Buffer.buffer(data.keys[i].clone()), data.values[i].clone()));
      }
    }

    @Override
    Object get(int i, Scratch s) {
      return join(map.get(Buffer.buffer(Dataset.key(i))));
    }

    @Override
    Object getMissing(int i, Scratch s) {
      return join(map.get(Buffer.buffer(Dataset.missingKey(i))));
    }

    @Override
    int seek(int i, Scratch s, Blackhole bh) {
      throw new UnsupportedOperationException("AsyncMap is a hash map: no ordered scan");
    }

    @Override
    void put(int i, int v, Scratch s) {
      join(map.put(Buffer.buffer(Dataset.key(i)), data.values[v]));
    }

    @Override
    long count() {
      return join(map.size());
    }

    @Override
    public void close() {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
