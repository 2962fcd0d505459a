package dev.weir.reactive.object;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import dev.weir.reactive.StoreSnapshot;
import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams a byte range of an object. The whole read runs at one snapshot, so a concurrent
 * replace or delete (which may free the chunks) cannot tear it; the snapshot is released on
 * complete, error and cancel. Each chunk is fetched only when the subscriber asks for the
 * next buffer, and handed out as a read-only slice of the stored bytes, never a copy.
 */
final class ObjectReader {

  private final ObjectContext ctx;
  private final String bucket;

  ObjectReader(ObjectContext ctx, String bucket) {
    this.ctx = ctx;
    this.bucket = bucket;
  }

  Flux<ByteBuffer> read(String key, long offset, long length) {
    return Flux.defer(
        () -> {
          Names.key("key", key);
          Names.offset(offset);
          Names.length(length);
          return Flux.usingWhen(
              ctx.kv.snapshot(),
              snap -> plan(snap, key, offset, length).flatMapMany(p -> stream(snap, p)),
              StoreSnapshot::close);
        });
  }

  private Mono<ChunkPlan> plan(StoreSnapshot snap, String key, long offset, long length) {
    return snap.get(Keys.bucketRecord(bucket))
        .switchIfEmpty(Mono.error(() -> ObjectContext.noBucket(bucket)))
        .then(snap.get(Keys.meta(bucket, key)))
        .switchIfEmpty(Mono.error(() -> ObjectContext.noObject(bucket, key)))
        .map(ObjectMeta::decode)
        .flatMap(m -> snap.get(Keys.manifest(bucket, m.contentId())))
        .switchIfEmpty(Mono.error(() -> corrupt("manifest of " + key + " is missing")))
        .map(m -> new ChunkPlan(bucket, Manifest.decode(m), offset, length));
  }

  private static Flux<ByteBuffer> stream(StoreSnapshot snap, ChunkPlan plan) {
    // Prefetch 1: at most one chunk is looked up ahead of demand; the buffers themselves are
    // views, so nothing is copied either way.
    return Flux.fromIterable(plan)
        .concatMap(
            s ->
                snap.get(s.key())
                    .switchIfEmpty(Mono.error(() -> corrupt("chunk missing: " + s.key())))
                    .map(
                        chunk -> {
                          if (chunk.length() < s.to()) {
                            throw corrupt("chunk too short: " + s.key());
                          }
                          return chunk.asReadOnlyByteBuffer().position(s.from()).limit(s.to())
                              .slice();
                        }),
            1);
  }

  private static WeirException corrupt(String why) {
    return new WeirException(ErrorCode.INTERNAL, "object store inconsistent: " + why);
  }
}
