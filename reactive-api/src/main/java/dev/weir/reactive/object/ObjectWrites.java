package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.WriteBatch;
import java.nio.ByteBuffer;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Changes to objects: put, copy, move, delete, and their prefix forms. Each change is one
 * atomic batch, built inside the bucket's gate from what it reads there: the new or removed
 * metadata, the reference-count changes of the contents involved (freeing those that reach
 * zero) and the bucket's counters. Copy and move write metadata only; no chunk is touched.
 */
final class ObjectWrites {

  private final ObjectContext ctx;
  private final String bucket;

  ObjectWrites(ObjectContext ctx, String bucket) {
    this.ctx = ctx;
    this.bucket = bucket;
  }

  Mono<ObjectInfo> put(String key, Flux<ByteBuffer> content, ObjectOptions options) {
    return Mono.defer(
        () -> {
          Names.key("key", key);
          ObjectOptions o = options == null ? ObjectOptions.defaults() : options;
          // Fail fast on a missing bucket, before streaming; the commit checks again.
          return ctx.bucket(bucket)
              .flatMap(
                  record ->
                      ctx.blobs
                          .write(bucket, content, ctx.config.etagAlgorithm())
                          .flatMap(blob -> commitPut(key, blob, o, record.incarnation())));
        });
  }

  private Mono<ObjectInfo> commitPut(String key, Blob blob, ObjectOptions o, long incarnation) {
    Mono<ObjectInfo> commit =
        ctx.gate(bucket)
            .run(
                () -> {
                  ObjectMeta meta =
                      new ObjectMeta(blob.id(), blob.size(), o.contentType(), o.metadata(),
                          blob.etag(), blob.crc32c(), ctx.now());
                  Manifest manifest = new Manifest(1, List.of(blob.segment()));
                  return ctx.bucket(bucket)
                      .filter(r -> r.incarnation() == incarnation)
                      .switchIfEmpty(Mono.error(() -> ObjectContext.noBucket(bucket)))
                      .flatMap(
                          r -> {
                            WriteBatch.Builder b = WriteBatch.builder()
                                .put(Keys.manifest(bucket, blob.id()), manifest.encode());
                            return replaceLocked(b, r, key, meta, new ContentRefs());
                          });
                },
                () -> ctx.blobs.free(bucket, blob.id()).subscribe());
    return commit.onErrorResume(e -> ctx.blobs.free(bucket, blob.id()).then(Mono.error(e)));
  }

  /**
   * Adds to {@code b} the metadata of {@code key} and the release of what it held, writes the
   * batch with the bucket's counters {@code r}, and emits the new object's info. The caller
   * holds the bucket's gate.
   */
  Mono<ObjectInfo> replaceLocked(
      WriteBatch.Builder b, BucketRecord r, String key, ObjectMeta meta, ContentRefs refs) {
    Bytes metaKey = Keys.meta(bucket, key);
    return ctx.metaEntry(bucket, key)
        .map(e -> ObjectMeta.decode(e.value()))
        .map(old -> {
          refs.add(old.contentId(), -1);
          return r.objects(0, meta.size() - old.size());
        })
        .defaultIfEmpty(r.objects(1, meta.size()))
        .flatMap(
            counted -> {
              b.put(metaKey, meta.encode());
              b.put(Keys.bucketRecord(bucket), counted.encode());
              // defer: the batch is built only after writeTo has added the releases.
              return refs.writeTo(ctx, bucket, b)
                  .then(Mono.defer(() -> ctx.kv.write(b.build())));
            })
        .then(ctx.head(bucket, key));
  }

  Mono<ObjectInfo> copy(String from, String to) {
    return Mono.defer(
        () -> {
          Names.key("from", from);
          Names.key("to", to);
          return ctx.gate(bucket).run(() -> copyLocked(from, to, false));
        });
  }

  Mono<ObjectInfo> move(String from, String to) {
    return Mono.defer(
        () -> {
          Names.key("from", from);
          Names.key("to", to);
          if (from.equals(to)) {
            return ctx.bucket(bucket).then(ctx.head(bucket, from));
          }
          return ctx.gate(bucket).run(() -> copyLocked(from, to, true));
        });
  }

  /** Points {@code to} at {@code from}'s content; a move also drops {@code from}. */
  private Mono<ObjectInfo> copyLocked(String from, String to, boolean move) {
    return ctx.bucket(bucket)
        .flatMap(
            r ->
                ctx.metaEntry(bucket, from)
                    .switchIfEmpty(Mono.error(() -> ObjectContext.noObject(bucket, from)))
                    .flatMap(
                        e -> {
                          ObjectMeta source = ObjectMeta.decode(e.value());
                          WriteBatch.Builder b = WriteBatch.builder();
                          ContentRefs refs = new ContentRefs();
                          BucketRecord counted = r;
                          if (move) {
                            b.delete(Keys.meta(bucket, from));
                            counted = r.objects(-1, -source.size());
                          } else {
                            refs.add(source.contentId(), 1);
                          }
                          return replaceLocked(b, counted, to, source.copiedAt(ctx.now()), refs);
                        }));
  }

  Mono<Boolean> delete(String key) {
    return Mono.defer(
        () -> {
          Names.key("key", key);
          return ctx.gate(bucket).run(() -> deleteLocked(key));
        });
  }

  private Mono<Boolean> deleteLocked(String key) {
    return ctx.bucket(bucket)
        .flatMap(
            r ->
                ctx.metaEntry(bucket, key)
                    .flatMap(
                        e -> {
                          ObjectMeta old = ObjectMeta.decode(e.value());
                          WriteBatch.Builder b = WriteBatch.builder()
                              .delete(Keys.meta(bucket, key))
                              .put(Keys.bucketRecord(bucket),
                                  r.objects(-1, -old.size()).encode());
                          return new ContentRefs().add(old.contentId(), -1)
                              .writeTo(ctx, bucket, b)
                              .then(Mono.defer(() -> ctx.kv.write(b.build())))
                              .thenReturn(true);
                        })
                    .defaultIfEmpty(false));
  }

  Mono<Long> deletePrefix(String prefix) {
    return Mono.defer(
        () -> {
          String p = Names.prefix("prefix", prefix);
          return ctx.gate(bucket).run(() -> deletePrefixLocked(p));
        });
  }

  private Mono<Long> deletePrefixLocked(String prefix) {
    Bytes metas = Keys.meta(bucket, prefix);
    return ctx.bucket(bucket)
        .flatMap(
            r ->
                ctx.kv.scan(metas)
                    .map(e -> ObjectMeta.decode(e.value()))
                    .collectList()
                    .flatMap(
                        list -> {
                          if (list.isEmpty()) {
                            return Mono.just(0L);
                          }
                          ContentRefs refs = new ContentRefs();
                          long bytes = 0;
                          for (ObjectMeta m : list) {
                            refs.add(m.contentId(), -1);
                            bytes += m.size();
                          }
                          WriteBatch.Builder b = WriteBatch.builder()
                              .deletePrefix(metas)
                              .put(Keys.bucketRecord(bucket),
                                  r.objects(-list.size(), -bytes).encode());
                          return refs.writeTo(ctx, bucket, b)
                              .then(Mono.defer(() -> ctx.kv.write(b.build())))
                              .thenReturn((long) list.size());
                        }));
  }

  Mono<Long> movePrefix(String fromPrefix, String toPrefix) {
    return Mono.defer(
        () -> {
          String from = Names.key("fromPrefix", fromPrefix);
          String to = Names.key("toPrefix", toPrefix);
          if (from.startsWith(to) || to.startsWith(from)) {
            throw new InvalidArgumentException(
                "fromPrefix and toPrefix must not start with one another, were '" + from
                    + "' and '" + to + "'");
          }
          return ctx.gate(bucket).run(() -> movePrefixLocked(from, to));
        });
  }

  /**
   * One batch: a range tombstone over the sources' metadata, a put per destination, and the
   * release of objects the destinations replace. Sources and destinations cannot overlap
   * (checked above), so the order of those operations in the batch does not matter.
   */
  private Mono<Long> movePrefixLocked(String from, String to) {
    Bytes sources = Keys.meta(bucket, from);
    return ctx.bucket(bucket)
        .flatMap(
            r ->
                ctx.kv.scan(sources)
                    .collectList()
                    .flatMap(list -> list.isEmpty() ? Mono.just(0L) : moveAll(r, from, to, list)));
  }

  private Mono<Long> moveAll(BucketRecord r, String from, String to, List<Entry> list) {
    WriteBatch.Builder b = WriteBatch.builder().deletePrefix(Keys.meta(bucket, from));
    ContentRefs refs = new ContentRefs();
    long[] replaced = new long[2];
    return Flux.fromIterable(list)
        .concatMap(
            e -> {
              String key = Keys.objectKey(bucket, e.key());
              String target = Names.key("moved key", to + key.substring(from.length()));
              b.put(Keys.meta(bucket, target), e.value());
              return ctx.metaEntry(bucket, target)
                  .map(old -> ObjectMeta.decode(old.value()))
                  .doOnNext(
                      old -> {
                        refs.add(old.contentId(), -1);
                        replaced[0]++;
                        replaced[1] += old.size();
                      });
            })
        .then(Mono.defer(() -> {
          b.put(Keys.bucketRecord(bucket), r.objects(-replaced[0], -replaced[1]).encode());
          return refs.writeTo(ctx, bucket, b);
        }))
        .then(Mono.defer(() -> ctx.kv.write(b.build())))
        .thenReturn((long) list.size());
  }
}
