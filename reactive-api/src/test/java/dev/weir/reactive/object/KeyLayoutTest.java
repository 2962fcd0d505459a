package dev.weir.reactive.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** What the object layer writes into the key-value store, and what it reads back. */
class KeyLayoutTest {

  private static final int CHUNK = 1024;
  private final ReactiveStore raw = Weir.inMemory(EngineConfig.defaults());
  private final CountingStore kv = new CountingStore(raw);
  private final ObjectStore store =
      ObjectStore.over(kv, ObjectConfig.defaults().withChunkSize(CHUNK));
  private final Bucket bucket = store.createBucket("test").then(
      Mono.fromSupplier(() -> store.bucket("test"))).block();

  @AfterEach
  void close() {
    raw.close().block();
  }

  private static byte[] bytes(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  private long count(String space) {
    return raw.scan(Bytes.utf8("\u0000o/test/" + space + "/")).count().block();
  }

  @Test
  void anObjectIsOneMetadataKeyOneManifestAndItsChunks() {
    bucket.put("a/b", Flux.just(ByteBuffer.wrap(bytes(4 * CHUNK + 1))), null).block();
    assertEquals(1, count("m"));
    assertEquals(1, count("n"));
    assertEquals(5, count("c"));
    assertEquals(1, raw.scan(Bytes.utf8("\u0000ob/")).count().block());
    assertTrue(raw.get(Bytes.utf8("\u0000o/test/m/a/b")).block() != null);
  }

  @Test
  void copyAndMoveWriteMetadataOnlyAndTheLastDeleteFreesTheChunks() {
    bucket.put("a", Flux.just(ByteBuffer.wrap(bytes(3 * CHUNK))), null).block();
    bucket.copy("a", "b").block();
    bucket.move("b", "c").block();
    bucket.copy("c", "d").block();
    assertEquals(3, count("m"));
    assertEquals(1, count("n"));
    assertEquals(3, count("c"));
    bucket.delete("a").block();
    bucket.deletePrefix("c").block();
    assertEquals(3, count("c"));
    bucket.delete("d").block();
    assertEquals(0, count("m") + count("n") + count("c"));
  }

  /**
   * Freed chunks go by point deletes, not a range delete each: range deletes stay until
   * compaction retires them, and every read checks them, so an object overwritten in a loop
   * once slowed each read and write a little more (60,000 of them: a head took 120 us).
   */
  @Test
  void overwritingAnObjectLeavesNoRangeDeleteBehind() {
    for (int i = 0; i < 200; i++) {
      bucket.put("a", Flux.just(ByteBuffer.wrap(bytes(2 * CHUNK + i))), null).block();
    }
    assertEquals(0, raw.stats().block().rangeTombstones());
    assertEquals(3, count("c"));
    assertEquals(1, count("n"));
    bucket.delete("a").block();
    assertEquals(0, raw.stats().block().rangeTombstones());
    assertEquals(0, count("m") + count("n") + count("c"));
  }

  @Test
  void replacingAnObjectFreesTheOldChunks() {
    bucket.put("a", Flux.just(ByteBuffer.wrap(bytes(3 * CHUNK))), null).block();
    bucket.put("a", Flux.just(ByteBuffer.wrap(bytes(CHUNK))), null).block();
    assertEquals(1, count("n"));
    assertEquals(1, count("c"));
  }

  @Test
  void aRangedReadFetchesOnlyTheChunksItNeeds() {
    bucket.put("big", Flux.just(ByteBuffer.wrap(bytes(256 * CHUNK))), null).block();
    kv.chunkGets.set(0);
    List<ByteBuffer> got = bucket.read("big", 100 * CHUNK + 10, CHUNK).collectList().block();
    assertEquals(2, kv.chunkGets.get());
    assertEquals(2, got.size());
    assertEquals(CHUNK, got.get(0).remaining() + got.get(1).remaining());
  }

  @Test
  void readBuffersShareTheStoredChunk() {
    bucket.put("a", Flux.just(ByteBuffer.wrap(bytes(CHUNK))), null).block();
    ByteBuffer one = bucket.read("a").blockFirst();
    ByteBuffer two = bucket.read("a").blockFirst();
    assertTrue(one.isReadOnly());
    assertTrue(one.hasArray() == false);
    assertEquals(one, two);
  }

  @Test
  void multipartCompletionWritesNoChunkAndAbortFreesParts() {
    Upload u = bucket.startUpload("mp", null).block();
    PartInfo p1 = bucket.uploadPart(u, 1, Flux.just(ByteBuffer.wrap(bytes(2 * CHUNK)))).block();
    PartInfo p2 = bucket.uploadPart(u, 2, Flux.just(ByteBuffer.wrap(bytes(CHUNK)))).block();
    bucket.uploadPart(u, 3, Flux.just(ByteBuffer.wrap(bytes(5)))).block();
    assertEquals(4, count("c"));
    assertEquals(3, count("p"));
    bucket.completeUpload(u, List.of(p1, p2)).block();
    assertEquals(3, count("c"));
    assertEquals(0, count("p") + count("u"));
    assertEquals(1, count("n"));
    Upload v = bucket.startUpload("mp2", null).block();
    bucket.uploadPart(v, 1, Flux.just(ByteBuffer.wrap(bytes(2 * CHUNK)))).block();
    bucket.abortUpload(v).block();
    assertEquals(3, count("c"));
    bucket.delete("mp").block();
    assertEquals(0, count("c") + count("n"));
  }

  @Test
  void aCancelledPutLeavesNoChunk() {
    Sinks.Many<ByteBuffer> sink = Sinks.many().unicast().onBackpressureBuffer();
    StepVerifier.create(bucket.put("x", sink.asFlux(), null))
        .then(() -> sink.tryEmitNext(ByteBuffer.wrap(bytes(3 * CHUNK))))
        .thenCancel()
        .verify();
    assertEquals(0, count("c") + count("m") + count("n"));
  }

  @Test
  void deletingABucketRemovesEveryKeyOfIt() {
    bucket.put("a", Flux.just(ByteBuffer.wrap(bytes(3 * CHUNK))), null).block();
    bucket.delete("a").block();
    store.deleteBucket("test").block();
    assertEquals(0, raw.scan(Keys.RESERVED).count().block());
    assertArrayEquals(new byte[] {0, 'o'}, Keys.RESERVED.toByteArray());
  }
}
