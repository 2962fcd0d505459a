package dev.weir.reactive.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Objects of many more chunks than a batch may hold. Regression: with chunkSize=1024 a 101 MiB
 * object streamed in 64 KiB buffers was stored, but deleting or overwriting it, and so deleting
 * its bucket, failed with "batch has 103427 operations, more than maxBatchOps", and a single
 * buffer of that size could not be put at all. Here the same shapes, scaled down: 16-byte
 * chunks and a store whose batches hold at most 1,000 operations.
 */
class LargeObjectsTest {

  private static final int CHUNK = 16;
  private static final int MAX_BATCH_OPS = 1_000;
  private static final int SIZE = 20 * MAX_BATCH_OPS * CHUNK + 5; // 20,001 chunks

  private final ReactiveStore kv =
      Weir.inMemory(EngineConfig.builder().maxBatchOps(MAX_BATCH_OPS).build());
  private final ObjectStore store =
      ObjectStore.over(kv, ObjectConfig.defaults().withChunkSize(CHUNK));
  private final Bucket bucket = store.bucket("bkt");
  private final byte[] data = new byte[SIZE];

  LargeObjectsTest() {
    new Random(21).nextBytes(data);
    store.createBucket("bkt").block();
  }

  @AfterEach
  void close() {
    kv.close().block();
  }

  private static Flux<ByteBuffer> pieces(byte[] data, int size) {
    List<ByteBuffer> out = new ArrayList<>();
    for (int at = 0; at < data.length; at += size) {
      out.add(ByteBuffer.wrap(data, at, Math.min(size, data.length - at)).slice());
    }
    return Flux.fromIterable(out);
  }

  private byte[] read(String key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer b : bucket.read(key).collectList().block()) {
      byte[] a = new byte[b.remaining()];
      b.get(a);
      out.write(a, 0, a.length);
    }
    return out.toByteArray();
  }

  private long chunksHeld() {
    return kv.scan(Bytes.utf8("\u0000o/bkt/c/")).count().block();
  }

  @Test
  void anObjectOfAnySizeCanBePutInOneBufferOrManyAndRead() {
    bucket.put("one", Flux.just(ByteBuffer.wrap(data)), null).block();
    bucket.put("many", pieces(data, 64 * 1024), null).block();
    assertArrayEquals(data, read("one"));
    assertArrayEquals(data, read("many"));
    assertEquals(2L * (SIZE / CHUNK + 1), chunksHeld());
  }

  @Test
  void anObjectOfAnySizeCanBeOverwrittenDeletedAndItsBucketDropped() {
    bucket.put("k", pieces(data, 64 * 1024), null).block();
    bucket.put("k", Flux.just(ByteBuffer.wrap(data, 0, SIZE - 1)), null).block();
    assertEquals(SIZE - 1, read("k").length);
    assertEquals(SIZE / CHUNK + 1, chunksHeld(), "the first content is freed");
    assertTrue(bucket.delete("k").block());
    assertEquals(0, chunksHeld());
    bucket.put("a/1", pieces(data, 4096), null).block();
    bucket.put("a/2", Flux.just(ByteBuffer.wrap(data)), null).block();
    bucket.copy("a/1", "b").block();
    assertEquals(2L, bucket.deletePrefix("a/").block());
    assertArrayEquals(data, read("b"), "a copy keeps the content it shares");
    assertEquals(1L, bucket.deletePrefix("").block());
    assertEquals(0, chunksHeld());
    store.deleteBucket("bkt").block();
    assertEquals(0, kv.scan(Bytes.utf8("\u0000o/bkt/")).count().block());
  }

  /** Each object freed costs the prefix delete's batch two ops (about), however many chunks it has. */
  @Test
  void aPrefixOfManyObjectsIsDeletedInOneBatch() {
    byte[] small = new byte[40 * CHUNK];
    Flux.range(0, 3 * MAX_BATCH_OPS / 10)
        .concatMap(i -> bucket.put("p/" + i, Flux.just(ByteBuffer.wrap(small)), null))
        .blockLast();
    assertEquals(3L * MAX_BATCH_OPS / 10, bucket.deletePrefix("p/").block());
    assertEquals(0, chunksHeld());
  }

  @Test
  void aMultipartUploadOfLargePartsCompletesAndAborts() {
    Upload u = bucket.startUpload("mp", null).block();
    PartInfo p1 = bucket.uploadPart(u, 1, pieces(data, 64 * 1024)).block();
    PartInfo p2 = bucket.uploadPart(u, 2, Flux.just(ByteBuffer.wrap(data))).block();
    bucket.uploadPart(u, 2, Flux.just(ByteBuffer.wrap(data))).block(); // replaces part 2
    bucket.completeUpload(u, List.of(p1, bucket.listParts(u).collectList().block().get(1)))
        .block();
    assertEquals(2L * SIZE, read("mp").length);
    Upload aborted = bucket.startUpload("gone", null).block();
    bucket.uploadPart(aborted, 1, Flux.just(ByteBuffer.wrap(data))).block();
    bucket.abortUpload(aborted).block();
    assertTrue(bucket.delete("mp").block());
    assertEquals(0, chunksHeld());
    assertEquals(p2.size(), SIZE);
  }
}
