package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import java.nio.ByteBuffer;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams content into the chunks of a new blob. Nothing points at the blob yet, so readers
 * cannot see it; the caller commits it (or frees it) in the bucket's gate. When the content
 * fails, the store refuses a chunk (a full memory budget), or the subscriber cancels, the
 * chunks written so far are deleted: a range delete submitted after every chunk write, so the
 * single writer applies it last.
 */
final class BlobWriter {

  private final ReactiveStore kv;
  private final int chunkSize;

  BlobWriter(ReactiveStore kv, int chunkSize) {
    this.kv = kv;
    this.chunkSize = chunkSize;
  }

  /** Streams {@code content} into a new blob whose digest is by {@code etag}. */
  Mono<Blob> write(String bucket, Flux<ByteBuffer> content, EtagAlgorithm etag) {
    if (content == null) {
      return Mono.error(new InvalidArgumentException("content must not be null"));
    }
    return Mono.defer(
        () -> {
          String blobId = Ids.next();
          Bytes prefix = Keys.blobChunks(bucket, blobId);
          Chunker chunker = new Chunker(chunkSize, etag);
          // map copies each buffer as it arrives, before any queue: the caller may reuse it.
          return content
              .map(chunker::accept)
              .concatWith(Mono.fromCallable(chunker::finish))
              .concatMap(chunks -> store(prefix, chunks), 1)
              .then(Mono.fromCallable(() -> chunker.result(blobId)))
              .onErrorResume(e -> free(bucket, blobId).then(Mono.error(e)))
              .doOnCancel(() -> free(bucket, blobId).subscribe());
        });
  }

  /**
   * Writes the chunks cut from one buffer in batches of at most {@link Keys#CHUNKS_PER_BATCH}:
   * one trip through the write loop for a whole 4 MiB buffer, where a put per chunk took four,
   * and a buffer of any size still fits the store's maxBatchOps (nothing reads the blob before
   * its commit, so its chunks need not land in one batch).
   */
  private Mono<Void> store(Bytes prefix, List<Chunker.Chunk> chunks) {
    if (chunks.isEmpty()) {
      return Mono.empty();
    }
    if (chunks.size() == 1) {
      Chunker.Chunk c = chunks.get(0);
      return kv.put(Keys.chunk(prefix, c.index()), c.bytes());
    }
    int batches = (chunks.size() + Keys.CHUNKS_PER_BATCH - 1) / Keys.CHUNKS_PER_BATCH;
    return Flux.range(0, batches)
        .concatMap(
            i -> {
              WriteBatch.Builder batch = WriteBatch.builder();
              int end = Math.min(chunks.size(), (i + 1) * Keys.CHUNKS_PER_BATCH);
              for (Chunker.Chunk c : chunks.subList(i * Keys.CHUNKS_PER_BATCH, end)) {
                batch.put(Keys.chunk(prefix, c.index()), c.bytes());
              }
              return kv.write(batch.build());
            },
            1)
        .then();
  }

  /** Deletes a blob's chunks; a failure here leaves garbage, never wrong data, so it is dropped. */
  Mono<Void> free(String bucket, String blobId) {
    return kv.deletePrefix(Keys.blobChunks(bucket, blobId)).onErrorResume(e -> Mono.empty()).then();
  }
}
