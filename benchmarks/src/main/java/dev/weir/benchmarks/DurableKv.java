package dev.weir.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * One durable store of issue 16's comparison, in a directory of its own, behind the two ways
 * the benchmark writes: {@link #put} (one write, returns once it is acknowledged, i.e. on
 * disk) and {@link #putAsync} (issue a write, tell the {@link InFlight} window when it is
 * acknowledged). Every store acknowledges a write only after an fsync that covers it; none is
 * allowed to lose an acknowledged write to a power cut.
 *
 * <ul>
 *   <li>{@code weir}: {@code Weir.open(config)}, {@code SyncPolicy.ALWAYS}, reactive API; its
 *       writes are asynchronous, so 256 in flight is 256 subscribed puts (the group commit
 *       happens inside Weir, on its own threads);
 *   <li>{@code rocksdb}: RocksDB JNI on the default (disk) Env, WAL on, {@code
 *       WriteOptions.setSync(true)}; a put blocks its thread until its WAL group is synced, so
 *       concurrency means writer threads, as RocksDB users get it: {@link #WRITERS} threads
 *       each doing sync puts, which RocksDB's write path groups (one leader writes and syncs
 *       the WAL for every writer queued behind it);
 *   <li>{@code mvstore}: H2 MVStore on a file, auto-commit off, {@code put} then {@code
 *       commit()} then {@code sync()} per write. MVStore's {@code commit()} writes a chunk but
 *       does not fsync (2.3.232: {@code FileStore.storeBuffer} writes without {@code force};
 *       only {@code sync()} and {@code close()} force), so the durable write is commit plus
 *       sync. Concurrency: the same writer threads, on MVStore's own concurrency (concurrent
 *       {@code MVMap} puts, commits serialised by its store lock; a commit stores every change
 *       made so far, so concurrent writers share chunks and syncs: MVStore's group commit).
 * </ul>
 *
 * <p>Keys are {@link Dataset#key} of a running index (16 random-looking bytes, unique), values
 * 100 bytes from a fixed table of {@value #VALUE_COUNT} random values: the durable figures are
 * about the disk, and every store gets the same bytes.
 */
abstract class DurableKv implements AutoCloseable {

  static final List<String> STORES = List.of("weir", "rocksdb", "mvstore");
  /** Writer threads of the synchronous stores at 256 in flight (2 cores: a few per core). */
  static final int WRITERS = 16;
  static final int VALUE_COUNT = 1024;
  static final byte[][] VALUES = values();

  final Path dir;

  DurableKv(Path dir) {
    this.dir = dir;
  }

  static DurableKv open(String store, Path dir, int writers) {
    switch (store) {
      case "weir":
        return new DurableWeir(dir);
      case "rocksdb":
        return new Rocks(dir, writers);
      case "mvstore":
        return new Mv(dir, writers);
      default:
        throw new IllegalArgumentException("unknown durable store: " + store);
    }
  }

  private static byte[][] values() {
    Random random = new Random(Dataset.SEED);
    byte[][] v = new byte[VALUE_COUNT][Dataset.VALUE_SIZE];
    for (byte[] value : v) {
      random.nextBytes(value);
    }
    return v;
  }

  static byte[] key(long n) {
    return Dataset.key((int) n);
  }

  static byte[] value(long n) {
    return VALUES[(int) (n & (VALUE_COUNT - 1))];
  }

  /** Writes key {@code n}; returns once the write is acknowledged (durable). */
  abstract void put(long n);

  /** Issues the write of key {@code n}; the window hears of its acknowledgement. */
  abstract void putAsync(long n, InFlight window);

  /** What the store holds, for the log. */
  abstract String describe();

  @Override
  public abstract void close();

  // ================================================================ synchronous stores

  /** A store whose put blocks: 256 in flight is a queue served by writer threads. */
  abstract static class Blocking extends DurableKv {
    private final ExecutorService writers;

    Blocking(Path dir, int writerThreads) {
      super(dir);
      AtomicInteger ids = new AtomicInteger();
      writers = new ThreadPoolExecutor(writerThreads, writerThreads, 0, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "durable-writer-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
    }

    @Override
    void putAsync(long n, InFlight window) {
      writers.execute(() -> {
        try {
          put(n);
          window.release();
        } catch (RuntimeException e) {
          window.fail(e);
        }
      });
    }

    /** Stops the writer threads (the window was drained first). */
    void stopWriters() {
      writers.shutdown();
      try {
        if (!writers.awaitTermination(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("writer threads still busy after 60 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** RocksDB JNI on disk, WAL on, every write synced. */
  static final class Rocks extends Blocking {
    static {
      RocksDB.loadLibrary();
    }

    final Options options = new Options().setCreateIfMissing(true).setMaxBackgroundJobs(2);
    final WriteOptions sync = new WriteOptions().setSync(true);
    final RocksDB db;

    Rocks(Path dir, int writers) {
      super(dir, writers);
      try {
        db = RocksDB.open(options, dir.toString());
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    void put(long n) {
      try {
        db.put(sync, key(n), value(n));
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    String describe() {
      try {
        return "RocksDB (sync=true, WAL on): ~" + db.getLongProperty("rocksdb.estimate-num-keys")
            + " keys";
      } catch (RocksDBException e) {
        return "RocksDB: " + e;
      }
    }

    @Override
    public void close() {
      stopWriters();
      db.close();
      sync.close();
      options.close();
    }
  }

  /** H2 MVStore on a file: a commit and a sync per write. */
  static final class Mv extends Blocking {
    final MVStore mv;
    final MVMap<byte[], byte[]> map;

    Mv(Path dir, int writers) {
      super(dir, writers);
      mv = new MVStore.Builder().fileName(dir.resolve("store.mv").toString())
          .autoCommitDisabled().open();
      map = mv.openMap("bench", new MVMap.Builder<byte[], byte[]>()
          .keyType(Kv.UnsignedBytesType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    }

    @Override
    void put(long n) {
      map.put(key(n), value(n));
      mv.commit();
      mv.sync();
    }

    @Override
    String describe() {
      return "MVStore (commit + sync per write): " + map.sizeAsLong() + " entries";
    }

    @Override
    public void close() {
      stopWriters();
      mv.close();
    }
  }
}
