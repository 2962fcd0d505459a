package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.reactive.ReactiveStore;
import java.nio.ByteBuffer;
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
              .concatMap(
                  chunks ->
                      Flux.fromIterable(chunks)
                          .concatMap(c -> kv.put(Keys.chunk(prefix, c.index()), c.bytes())),
                  1)
              .then(Mono.fromCallable(() -> chunker.result(blobId)))
              .onErrorResume(e -> free(bucket, blobId).then(Mono.error(e)))
              .doOnCancel(() -> free(bucket, blobId).subscribe());
        });
  }

  /** Deletes a blob's chunks; a failure here leaves garbage, never wrong data, so it is dropped. */
  Mono<Void> free(String bucket, String blobId) {
    return kv.deletePrefix(Keys.blobChunks(bucket, blobId)).onErrorResume(e -> Mono.empty()).then();
  }
}
