package dev.weir.benchmarks;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.EtagAlgorithm;
import dev.weir.reactive.object.ObjectConfig;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.reactive.object.PartInfo;
import dev.weir.reactive.object.Upload;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;

/**
 * Objects, single-threaded, against a {@code System.arraycopy} of the same bytes in the same
 * run. Run: {@code java -Xmx3g -jar benchmarks/target/benchmarks.jar ObjectBenchmark -f 1}.
 *
 * <ul>
 *   <li>{@code copy4MiB}: the baseline, 4 MiB arraycopy into a fresh array;
 *   <li>{@code write4MiB} / {@code read4MiB}: put of a 4 MiB object (one copy in, the CRC32C,
 *       the default version ETag) and reading it back into the caller's reused 4 MiB buffer
 *       (every byte touched once); {@code write4MiB_metro} and {@code write4MiB_md5}: the same
 *       put into stores whose ETags hash the content ({@code etag=metrohash128}, {@code
 *       etag=md5}, S3-exact);
 *   <li>{@code rangedRead64KiB}: 64 KiB at a random offset of a 256 MiB object; {@code
 *       rangedRead64KiB_from4MiB} the same from the 4 MiB object (must cost the same);
 *   <li>{@code complete100Parts}: completion of an upload of 100 parts of {@code partSize},
 *       on a settled store (the upload's compactions done in the setup).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class ObjectBenchmark {

  static final int MIB = 1024 * 1024;

  @State(Scope.Thread)
  public static class Store {
    ReactiveStore kv;
    Bucket bucket;
    ReactiveStore kvMd5;
    Bucket md5Bucket;
    ReactiveStore kvMetro;
    Bucket metroBucket;
    byte[] data = new byte[4 * MIB];
    byte[] dest = new byte[4 * MIB];
    long big = 256L * MIB;
    Random random = new Random(1);

    @Setup(Level.Trial)
    public void open() {
      JvmFlags.report();
      new Random(7).nextBytes(data);
      kv = Weir.inMemory(EngineConfig.defaults());
      ObjectStore objects = ObjectStore.over(kv);
      objects.createBucket("bench").block();
      bucket = objects.bucket("bench");
      bucket.put("4mib", Flux.just(ByteBuffer.wrap(data)), null).block();
      byte[] mib = new byte[MIB];
      bucket.put("256mib", Flux.range(0, 256).map(i -> ByteBuffer.wrap(mib)), null).block();
      kvMd5 = Weir.inMemory(EngineConfig.defaults());
      ObjectStore md5 = ObjectStore.over(
          kvMd5, ObjectConfig.defaults().withEtagAlgorithm(EtagAlgorithm.MD5));
      md5.createBucket("bench").block();
      md5Bucket = md5.bucket("bench");
      kvMetro = Weir.inMemory(EngineConfig.defaults());
      ObjectStore metro = ObjectStore.over(
          kvMetro, ObjectConfig.defaults().withEtagAlgorithm(EtagAlgorithm.METRO_128));
      metro.createBucket("bench").block();
      metroBucket = metro.bucket("bench");
    }

    @TearDown(Level.Trial)
    public void close() {
      kv.close().block();
      kvMd5.close().block();
      kvMetro.close().block();
    }
  }

  @Benchmark
  public byte[] copy4MiB(Store s) {
    byte[] out = new byte[s.data.length];
    System.arraycopy(s.data, 0, out, 0, out.length);
    return out;
  }

  @Benchmark
  public Object write4MiB(Store s) {
    return s.bucket.put("w", Flux.just(ByteBuffer.wrap(s.data)), null).block();
  }

  @Benchmark
  public Object write4MiB_metro(Store s) {
    return s.metroBucket.put("w", Flux.just(ByteBuffer.wrap(s.data)), null).block();
  }

  @Benchmark
  public Object write4MiB_md5(Store s) {
    return s.md5Bucket.put("w", Flux.just(ByteBuffer.wrap(s.data)), null).block();
  }

  /**
   * Reads the 4 MiB object and copies it into the caller's reused buffer: every byte is touched
   * once, like the baseline (returning the views alone would measure nothing of the bytes).
   */
  @Benchmark
  public long read4MiB(Store s) {
    long at = 0;
    for (ByteBuffer b : s.bucket.read("4mib").collectList().block()) {
      int n = b.remaining();
      b.get(s.dest, (int) at, n);
      at += n;
    }
    return at + s.dest[s.dest.length - 1];
  }

  @Benchmark
  public void rangedRead64KiB(Store s, Blackhole bh) {
    long offset = (long) (s.random.nextDouble() * (s.big - 64 * 1024));
    s.bucket.read("256mib", offset, 64 * 1024).doOnNext(bh::consume).blockLast();
  }

  /** The same 64 KiB ranged read from the 4 MiB object: the cost must not depend on size. */
  @Benchmark
  public void rangedRead64KiB_from4MiB(Store s, Blackhole bh) {
    long offset = (long) (s.random.nextDouble() * (s.data.length - 64 * 1024));
    s.bucket.read("4mib", offset, 64 * 1024).doOnNext(bh::consume).blockLast();
  }

  @State(Scope.Thread)
  public static class Parts {
    @Param({"1024", "1048576"})
    int partSize;

    Store store = new Store();
    Upload upload;
    List<PartInfo> parts;

    @Setup(Level.Trial)
    public void open() {
      JvmFlags.report();
      store.kv = Weir.inMemory(EngineConfig.defaults());
      ObjectStore objects = ObjectStore.over(store.kv);
      objects.createBucket("parts").block();
      store.bucket = objects.bucket("parts");
    }

    @Setup(Level.Invocation)
    public void upload() {
      byte[] part = new byte[partSize];
      upload = store.bucket.startUpload("mp", null).block();
      parts = new ArrayList<>(100);
      for (int i = 1; i <= 100; i++) {
        parts.add(store.bucket.uploadPart(upload, i, Flux.just(ByteBuffer.wrap(part))).block());
      }
      // Settle here, outside the timing, what the upload set off: 100 MiB of 1 MiB parts start
      // a dozen flushes and compactions and leave the collector 100 MiB of garbage, which
      // otherwise ran during the completion and were counted against the larger parts (485 us
      // for 1 KiB parts against 1,103 us for 1 MiB ones, with the completion's own work equal).
      store.kv.compact().block();
      System.gc();
    }

    @TearDown(Level.Trial)
    public void close() {
      store.kv.close().block();
    }
  }

  @Benchmark
  public Object complete100Parts(Parts p) {
    return p.store.bucket.completeUpload(p.upload, p.parts).block();
  }
}
