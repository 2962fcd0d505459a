package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.EngineStats;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import reactor.core.publisher.Flux;

/**
 * The db_bench data set shared by the benchmarks: {@value #KEYS} keys of {@value #KEY_SIZE}
 * bytes with {@value #VALUE_SIZE}-byte values, drawn from a fixed seed so every run and every
 * store sees the same bytes. Built once per JVM (each JMH fork) and never mutated.
 *
 * <p>{@link #keys} are random (so loading them in index order is {@code fillrandom});
 * {@link #missing} are random keys of the same length that are not in {@link #keys}; {@link
 * #seqKeys} ascend (a fixed 8-byte prefix and a big-endian index), for {@code fillseq}. {@link
 * #order} is a random sequence of key indexes that readers walk, so a lookup costs an array
 * read, not a random-number call.
 *
 * <p>Key {@code i} is a function of {@code i} ({@link #key}: two bijective 64-bit mixes of it,
 * so keys are unique by construction), and the timed reads compute the key they look up, as
 * db_bench formats its key from a random number into a buffer. Fetching a pre-built key out of
 * a million scattered in the heap instead costs two dependent cache misses (about 300 ns here,
 * {@link KeyFetchBenchmark}) that belong to no store, yet were half of a present get and most
 * of an absent one. The stored arrays serve loading and checks.
 */
final class Dataset {

  static final int KEYS = 1_000_000;
  static final int KEY_SIZE = 16;
  static final int VALUE_SIZE = 100;
  static final long SEED = 0x5EED_0F_7E1AL;
  /** Missing key {@code i} is {@code key(MISSING_BASE + i)}: above every present index. */
  private static final long MISSING_BASE = 1L << 40;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  /** Length of {@link #order}; a power of two so a reader wraps with a mask. */
  static final int ORDER_SIZE = 1 << 22;
  /** In-flight writes per producer, as a reactive application would write. */
  static final int IN_FLIGHT = 256;
  /** A write stream that has not completed by then is stuck: fail rather than hang. */
  static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(60);

  /** Number of keys (and of missing keys): {@value #KEYS} unless a smaller set was asked for. */
  final int size;
  /** Random keys, as raw arrays (the map's lookup keys; never the arrays the map holds). */
  final byte[][] keys;
  /** Random keys absent from {@link #keys}. */
  final byte[][] missing;
  /** Ascending keys. */
  final byte[][] seqKeys;
  /** One value per key (random bytes). */
  final byte[][] values;
  /** The same, wrapped (no copy) for the Weir API. */
  final Bytes[] keyBytes;
  final Bytes[] missingBytes;
  final Bytes[] seqKeyBytes;
  final Bytes[] valueBytes;
  /** Random key indexes in [0, size). */
  final int[] order = new int[ORDER_SIZE];

  private static Dataset instance;

  /** The data set of this JVM ({@value #KEYS} keys), built on first use. */
  static synchronized Dataset get() {
    return get(KEYS);
  }

  /**
   * The data set of {@code size} keys (the comparison's {@code --quick} mode uses fewer), built
   * on first use; one size per JVM. The first {@code size} keys are the same bytes whatever the
   * size, as they come from the same seed.
   */
  static synchronized Dataset get(int size) {
    if (instance == null) {
      instance = new Dataset(size);
    } else if (instance.size != size) {
      throw new IllegalStateException("this JVM already holds a data set of " + instance.size);
    }
    return instance;
  }

  private Dataset(int size) {
    this.size = size;
    keys = new byte[size][];
    missing = new byte[size][];
    seqKeys = new byte[size][];
    values = new byte[size][];
    keyBytes = new Bytes[size];
    missingBytes = new Bytes[size];
    seqKeyBytes = new Bytes[size];
    valueBytes = new Bytes[size];
    Random random = new Random(SEED);
    for (int i = 0; i < size; i++) {
      keys[i] = key(i);
      values[i] = new byte[VALUE_SIZE];
      random.nextBytes(values[i]);
      keyBytes[i] = Bytes.wrap(keys[i]);
      valueBytes[i] = Bytes.wrap(values[i]);
      byte[] seq = new byte[KEY_SIZE];
      ByteBuffer.wrap(seq).putLong(0x7365712D6B657921L).putLong(i); // "seq-key!" + index
      seqKeys[i] = seq;
      seqKeyBytes[i] = Bytes.wrap(seq);
    }
    for (int i = 0; i < size; i++) {
      missing[i] = missingKey(i);
      missingBytes[i] = Bytes.wrap(missing[i]);
    }
    for (int i = 0; i < ORDER_SIZE; i++) {
      order[i] = random.nextInt(size);
    }
  }

  /** Present key {@code i}, computed into a fresh array. */
  static byte[] key(int i) {
    return keyOf(i);
  }

  /** Missing key {@code i}, computed into a fresh array. */
  static byte[] missingKey(int i) {
    return keyOf(MISSING_BASE + i);
  }

  /**
   * 16 random-looking bytes for {@code n}; the first 8 are a bijection of {@code n} (an odd
   * multiply and add, then SplitMix64's finalizer), so different {@code n} give different keys.
   */
  private static byte[] keyOf(long n) {
    byte[] k = new byte[KEY_SIZE];
    LONGS.set(k, 0, mix(n * GOLDEN + SEED));
    LONGS.set(k, 8, mix((n ^ SEED) * GOLDEN + GOLDEN));
    return k;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A fresh Weir store with the default settings and completions on the committing thread. */
  static ReactiveStore newStore(String name) {
    return Weir.inMemory(EngineConfig.builder().name(name).build());
  }

  /** A fresh raw map ordered like Weir (unsigned bytes). */
  static ConcurrentSkipListMap<byte[], byte[]> newMap() {
    return new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  }

  /**
   * Loads every key into {@code store}, {@value #IN_FLIGHT} puts in flight. Both stores hold
   * their own copy of each key (so a lookup never compares an array with itself) and share the
   * value arrays.
   */
  void load(ReactiveStore store) {
    Flux.range(0, size)
        .flatMap(i -> store.put(Bytes.of(keys[i]), valueBytes[i]), IN_FLIGHT)
        .blockLast(Dataset.TIMEOUT);
  }

  void load(ConcurrentSkipListMap<byte[], byte[]> map) {
    for (int i = 0; i < size; i++) {
      map.put(keys[i].clone(), values[i]);
    }
  }

  /**
   * Waits (up to 60 s; setup code, not a non-blocking thread) until the store has no frozen
   * memtable left and no flush or compaction for half a second, so that reads measure a settled shape. Returns the
   * last stats.
   */
  static EngineStats settle(ReactiveStore store) throws InterruptedException {
    return settle(() -> store.stats().block());
  }

  static EngineStats settle(java.util.function.Supplier<EngineStats> stats)
      throws InterruptedException {
    EngineStats last = stats.get();
    long deadline = System.nanoTime() + 60_000_000_000L;
    int quiet = 0;
    while (System.nanoTime() < deadline && quiet < 5) {
      Thread.sleep(100);
      EngineStats now = stats.get();
      boolean same =
          now.memtables() == 1
              && now.compactions() == last.compactions()
              && now.flushes() == last.flushes();
      quiet = same ? quiet + 1 : 0;
      last = now;
    }
    return last;
  }
}
