package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.WriteBatch;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reference-count changes of contents, gathered for one batch. A content whose count reaches
 * zero is deleted in that same batch with its chunks, so no reader ever finds metadata that
 * points at freed chunks, and no chunk outlives its last reference. Several changes to one
 * content (a copy over a key that shared it, a prefix delete of two copies) are summed first.
 * Used only inside the bucket's gate, which keeps the counts read here current.
 */
final class ContentRefs {

  private final Map<String, Long> deltas = new LinkedHashMap<>();

  ContentRefs add(String contentId, long delta) {
    deltas.merge(contentId, delta, Long::sum);
    return this;
  }

  /** Reads each changed manifest and adds its update, or its deletion, to {@code batch}. */
  Mono<Void> writeTo(ObjectContext ctx, String bucket, WriteBatch.Builder batch) {
    return Flux.fromIterable(deltas.entrySet())
        .filter(e -> e.getValue() != 0)
        .concatMap(
            e -> {
              Bytes key = Keys.manifest(bucket, e.getKey());
              return ctx.kv.get(key)
                  .map(Manifest::decode)
                  .doOnNext(m -> update(bucket, batch, key, m, m.refs() + e.getValue()));
            })
        .then();
  }

  private static void update(
      String bucket, WriteBatch.Builder batch, Bytes key, Manifest m, long refs) {
    if (refs > 0) {
      batch.put(key, m.withRefs(refs).encode());
      return;
    }
    batch.delete(key);
    for (Manifest.Segment s : m.segments()) {
      Keys.deleteChunks(batch, bucket, s.blobId(), s.length(), s.chunkSize());
    }
  }
}
