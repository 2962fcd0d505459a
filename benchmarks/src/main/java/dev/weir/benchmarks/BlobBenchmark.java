package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.LocalMap;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
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
import org.rocksdb.RocksDBException;

/**
 * db_bench-style {@code blob}: 4 MiB values written and read, single thread, in ops/s ({@link
 * Compare} turns them into MB/s: ops/s x 4,194,304 / 10^6), beside a {@code System.arraycopy}
 * probe of the same bytes in the same run.
 *
 * <ul>
 *   <li>{@code copy_fresh}: a new 4 MiB array and an arraycopy into it (what a heap store must do
 *       at least to own the caller's bytes): the baseline of {@code blob_write};
 *   <li>{@code copy_reuse}: an arraycopy into the caller's reused 4 MiB buffer: the baseline of
 *       {@code blob_read}; each probe reads what its workload reads (see {@link Probe});
 *   <li>{@code blob_write}: a put of the caller's 4 MiB array into the store, so that the store
 *       owns a copy (Weir {@code put(k, Bytes.of(array))}; the maps put a clone; RocksDB copies
 *       through JNI; {@code weir_object}: {@code Bucket.put} of one {@code
 *       ByteBuffer}, which also computes MD5 and CRC32C; Vert.x {@code LocalMap.put} of a clone, as it
 *       keeps the caller's array), cycling over 16 keys;
 *   <li>{@code blob_read}: a get whose bytes end up in the caller's 4 MiB buffer (Weir copies
 *       its {@code Bytes} view out; the maps arraycopy the stored array; RocksDB {@code get(key,
 *       buffer)}; Vert.x's {@code LocalMap.get} returns its own copy).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class BlobBenchmark {

  static final int SIZE = 4 * 1024 * 1024;
  static final int KEYS = 16;

  /**
   * The caller's bytes and buffer, and {@value #KEYS} copies of the bytes. Each probe reads
   * what its store workload reads: {@code copy_fresh} the caller's one array (as {@code
   * blob_write} does), {@code copy_reuse} the {@value #KEYS} copies in turn (as {@code
   * blob_read} reads {@value #KEYS} stored values: 64 MiB, more than the L3 cache).
   */
  @State(Scope.Thread)
  public static class Probe {
    final byte[] data = new byte[SIZE];
    final byte[] dest = new byte[SIZE];
    final byte[][] sources = new byte[KEYS][];
    int next;

    @Setup(Level.Trial)
    public void fill() {
      JvmFlags.report();
      new Random(Dataset.SEED).nextBytes(data);
      for (int i = 0; i < KEYS; i++) {
        sources[i] = data.clone();
      }
    }

    byte[] source() {
      return sources[next++ & (KEYS - 1)];
    }
  }

  @State(Scope.Thread)
  public static class Store {
    @Param({"weir", "weir_object", "map", "rocksdb", "mvstore", "vertx_local"})
    public String store;

    final byte[][] keys = new byte[KEYS][];
    final Bytes[] keyBytes = new Bytes[KEYS];
    final String[] names = new String[KEYS];
    final Buffer[] buffers = new Buffer[KEYS];
    int next;

    ReactiveStore weir;
    Bucket bucket;
    ConcurrentSkipListMap<byte[], byte[]> map;
    Kv.RocksKv rocks;
    Kv.MvKv mv;
    Vertx vertx;
    LocalMap<Buffer, byte[]> local;
    final Capture<Bytes> capture = new Capture<>();

    @Setup(Level.Trial)
    public void open(Probe p) {
      for (int i = 0; i < KEYS; i++) {
        names[i] = String.format("blob-key-%07d", i);
        keys[i] = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        keyBytes[i] = Bytes.wrap(keys[i]);
        buffers[i] = Buffer.buffer(keys[i]);
      }
      switch (store) {
        case "weir":
          weir = Weir.inMemory(EngineConfig.builder().name("blob").build());
          break;
        case "weir_object":
          weir = Weir.inMemory(EngineConfig.builder().name("blob-object").build());
          ObjectStore objects = ObjectStore.over(weir);
          objects.createBucket("bench").block();
          bucket = objects.bucket("bench");
          break;
        case "map":
          map = Dataset.newMap();
          break;
        case "rocksdb":
          rocks = new Kv.RocksKv(null);
          break;
        case "mvstore":
          mv = new Kv.MvKv(null);
          break;
        case "vertx_local":
          vertx = Vertx.vertx();
          local = vertx.sharedData().getLocalMap("blob");
          break;
        default:
          throw new IllegalArgumentException("unknown store: " + store);
      }
      for (int i = 0; i < KEYS; i++) { // every key present before the reads
        write(p.data);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      if (weir != null) {
        weir.close().block();
      }
      if (rocks != null) {
        rocks.close();
      }
      if (mv != null) {
        mv.close();
      }
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().join();
      }
    }

    Object write(byte[] data) {
      int k = next++ & (KEYS - 1);
      switch (store) {
        case "weir":
          return weir.put(keyBytes[k], Bytes.of(data)).block();
        case "weir_object":
          return bucket.put(names[k], reactor.core.publisher.Flux.just(ByteBuffer.wrap(data)),
              null).block();
        case "map":
          return map.put(keys[k], data.clone());
        case "rocksdb":
          try {
            rocks.db.put(rocks.writeOptions, keys[k], data);
            return null;
          } catch (RocksDBException e) {
            throw new IllegalStateException(e);
          }
        case "mvstore":
          return mv.map.put(keys[k], data.clone());
        case "vertx_local":
          return local.put(buffers[k], data.clone()); // LocalMap.put keeps the caller's array
        default:
          throw new IllegalStateException();
      }
    }

    Object read(byte[] dest) {
      int k = next++ & (KEYS - 1);
      switch (store) {
        case "weir": {
          Capture<Bytes> c = capture.reset();
          weir.get(keyBytes[k]).subscribe(c);
          c.checkDone();
          c.value.asReadOnlyByteBuffer().get(dest);
          return dest;
        }
        case "weir_object": {
          int[] at = {0};
          bucket.read(names[k]).doOnNext(b -> {
            int n = b.remaining();
            b.get(dest, at[0], n);
            at[0] += n;
          }).blockLast();
          if (at[0] != SIZE) {
            throw new IllegalStateException("read " + at[0] + " bytes");
          }
          return dest;
        }
        case "map": {
          byte[] v = map.get(keys[k]);
          System.arraycopy(v, 0, dest, 0, v.length);
          return dest;
        }
        case "rocksdb":
          try {
            if (rocks.db.get(keys[k], dest) != SIZE) {
              throw new IllegalStateException("short read");
            }
            return dest;
          } catch (RocksDBException e) {
            throw new IllegalStateException(e);
          }
        case "mvstore": {
          byte[] v = mv.map.get(keys[k]);
          System.arraycopy(v, 0, dest, 0, v.length);
          return dest;
        }
        case "vertx_local":
          return local.get(buffers[k]); // a copy made by LocalMap
        default:
          throw new IllegalStateException();
      }
    }
  }

  @Benchmark
  public byte[] copy_fresh(Probe p) {
    byte[] out = new byte[SIZE];
    System.arraycopy(p.data, 0, out, 0, SIZE); // from the caller's one array, like blob_write
    return out;
  }

  @Benchmark
  public byte[] copy_reuse(Probe p) {
    System.arraycopy(p.source(), 0, p.dest, 0, SIZE);
    return p.dest;
  }

  @Benchmark
  public Object blob_write(Store s, Probe p) {
    return s.write(p.data);
  }

  @Benchmark
  public Object blob_read(Store s, Probe p) {
    return s.read(p.dest);
  }
}
