package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Multipart uploads, following S3. Each part is a blob of its own; completion writes one
 * manifest listing the named parts' blobs, so no byte moves and its cost grows with the number
 * of parts, never their size. The ETag and CRC32C of the object are combined from the parts'
 * (see {@link Digests}). An upload older than the upload expiry counts as gone: operations on
 * it fail as for an unknown upload, and {@link #expire()} frees it.
 */
final class Multipart {

  private final ObjectContext ctx;
  private final String bucket;

  Multipart(ObjectContext ctx, String bucket) {
    this.ctx = ctx;
    this.bucket = bucket;
  }

  Mono<Upload> start(String key, ObjectOptions options) {
    return Mono.defer(
        () -> {
          Names.key("key", key);
          ObjectOptions o = options == null ? ObjectOptions.defaults() : options;
          String id = Ids.next();
          UploadRecord u = new UploadRecord(key, o.contentType(), o.metadata(), ctx.now());
          return ctx.gate(bucket)
              .run(
                  () ->
                      ctx.bucket(bucket)
                          .flatMap(
                              r ->
                                  ctx.kv.write(
                                      WriteBatch.builder()
                                          .put(Keys.upload(bucket, id), u.encode())
                                          .put(Keys.bucketRecord(bucket),
                                              r.uploads(1, 0).encode())
                                          .build()))
                          .thenReturn(u.handle(bucket, id)));
        });
  }

  Mono<PartInfo> uploadPart(Upload upload, int number, Flux<ByteBuffer> content) {
    return Mono.defer(
        () -> {
          Names.partNumber(number);
          // Fail fast on an unknown upload before streaming; the commit checks again. A part
          // is always digested by MD5: S3's multipart ETag is made of the parts' MD5s.
          return open(upload)
              .then(ctx.blobs.write(bucket, content, EtagAlgorithm.MD5))
              .flatMap(blob -> commitPart(upload, number, blob));
        });
  }

  private Mono<PartInfo> commitPart(Upload upload, int number, Blob blob) {
    PartRecord part = new PartRecord(
        number, blob.id(), blob.size(), blob.chunkSize(), blob.digest(), blob.crc32c(), ctx.now());
    Bytes key = Keys.part(bucket, upload.uploadId(), number);
    Mono<PartInfo> commit =
        ctx.gate(bucket)
            .run(
                () ->
                    open(upload)
                        .then(ctx.bucket(bucket))
                        .flatMap(
                            r ->
                                ctx.kv.get(key)
                                    .map(PartRecord::decode)
                                    .map(old -> replacePart(key, part, old, r))
                                    .defaultIfEmpty(WriteBatch.builder()
                                        .put(key, part.encode())
                                        .put(Keys.bucketRecord(bucket),
                                            r.uploads(0, part.size()).encode()))
                                    .flatMap(b -> ctx.kv.write(b.build())))
                        .thenReturn(part.info()),
                () -> ctx.blobs.free(bucket, blob.id()).subscribe());
    return commit.onErrorResume(e -> ctx.blobs.free(bucket, blob.id()).then(Mono.error(e)));
  }

  private WriteBatch.Builder replacePart(
      Bytes key, PartRecord part, PartRecord old, BucketRecord r) {
    WriteBatch.Builder b = WriteBatch.builder().put(key, part.encode());
    Keys.deleteChunks(b, bucket, old.blobId(), old.size(), old.chunkSize());
    return b.put(Keys.bucketRecord(bucket), r.uploads(0, part.size() - old.size()).encode());
  }

  Flux<PartInfo> listParts(Upload upload) {
    return Mono.defer(() -> open(upload))
        .thenMany(Flux.defer(() -> parts(upload.uploadId())))
        .map(PartRecord::info);
  }

  Flux<Upload> listUploads() {
    return Mono.defer(() -> ctx.bucket(bucket))
        .then(Mono.defer(this::expire))
        .thenMany(Flux.defer(() -> ctx.kv.scan(Keys.uploadPrefix(bucket))))
        .map(e -> UploadRecord.decode(e.value()).handle(bucket, uploadId(e.key())))
        .sort(Comparator.comparing(Upload::key).thenComparing(Upload::initiated));
  }

  Mono<ObjectInfo> complete(Upload upload, List<PartInfo> named) {
    return Mono.defer(
        () -> {
          checkOrder(named);
          return ctx.gate(bucket)
              .run(
                  () ->
                      open(upload)
                          .flatMap(u -> parts(upload.uploadId()).collectList()
                              .flatMap(all -> completeLocked(upload, u, named, all))));
        });
  }

  private static void checkOrder(List<PartInfo> named) {
    if (named == null || named.isEmpty()) {
      throw new InvalidArgumentException("parts must name at least one part");
    }
    int previous = 0;
    for (PartInfo p : named) {
      if (p == null || p.etag() == null) {
        throw new InvalidArgumentException("parts must not hold null parts or ETags");
      }
      Names.partNumber(p.partNumber());
      if (p.partNumber() <= previous) {
        throw new InvalidPartOrderException(
            "parts must be in strictly ascending order: " + p.partNumber() + " after "
                + previous);
      }
      previous = p.partNumber();
    }
  }

  private Mono<ObjectInfo> completeLocked(
      Upload upload, UploadRecord u, List<PartInfo> named, List<PartRecord> all) {
    Map<Integer, PartRecord> byNumber = new HashMap<>();
    long heldBytes = 0;
    for (PartRecord p : all) {
      byNumber.put(p.number(), p);
      heldBytes += p.size();
    }
    List<PartRecord> chosen = new ArrayList<>(named.size());
    for (PartInfo n : named) {
      PartRecord p = byNumber.remove(n.partNumber());
      if (p == null || !p.etag().equals(Digests.normalizeEtag(n.etag()))) {
        return Mono.error(new InvalidPartException(
            "part " + n.partNumber() + (p == null ? " was not uploaded" : " has another ETag")
                + " in upload " + upload.uploadId()));
      }
      chosen.add(p);
    }
    String contentId = Ids.next();
    List<Manifest.Segment> segments = new ArrayList<>(chosen.size());
    long size = 0;
    int crc = 0;
    for (PartRecord p : chosen) {
      segments.add(p.segment());
      crc = size == 0 ? p.crc32c() : Digests.combineCrc32c(crc, p.crc32c(), p.size());
      size += p.size();
    }
    ObjectMeta meta = new ObjectMeta(contentId, size, u.contentType(), u.metadata(),
        Digests.multipartEtag(chosen), crc, ctx.now());
    WriteBatch.Builder b = WriteBatch.builder()
        .put(Keys.manifest(bucket, contentId), new Manifest(1, segments).encode())
        .delete(Keys.upload(bucket, upload.uploadId()))
        .deletePrefix(Keys.parts(bucket, upload.uploadId()));
    for (PartRecord unused : byNumber.values()) {
      Keys.deleteChunks(b, bucket, unused.blobId(), unused.size(), unused.chunkSize());
    }
    long held = heldBytes;
    return ctx.bucket(bucket)
        .flatMap(r -> new ObjectWrites(ctx, bucket)
            .replaceLocked(b, r.uploads(-1, -held), u.key(), meta, new ContentRefs()));
  }

  Mono<Void> abort(Upload upload) {
    return Mono.defer(() -> ctx.gate(bucket).run(() -> open(upload).then(abortLocked(upload))));
  }

  /** Frees the upload's parts and record; the caller holds the gate and checked the upload. */
  private Mono<Void> abortLocked(Upload upload) {
    String id = upload.uploadId();
    return Mono.defer(
        () ->
            ctx.bucket(bucket)
                .zipWith(parts(id).collectList())
                .flatMap(
                    t -> {
                      long held = 0;
                      WriteBatch.Builder b = WriteBatch.builder()
                          .delete(Keys.upload(bucket, id))
                          .deletePrefix(Keys.parts(bucket, id));
                      for (PartRecord p : t.getT2()) {
                        Keys.deleteChunks(b, bucket, p.blobId(), p.size(), p.chunkSize());
                        held += p.size();
                      }
                      b.put(Keys.bucketRecord(bucket), t.getT1().uploads(-1, -held).encode());
                      return ctx.kv.write(b.build());
                    }));
  }

  /** Aborts every expired upload of the bucket; emits how many. */
  Mono<Long> expire() {
    return ctx.gate(bucket).run(this::expireLocked);
  }

  /** As {@link #expire()}, for a caller that holds the gate. */
  Mono<Long> expireLocked() {
    return ctx.kv.scan(Keys.uploadPrefix(bucket))
        .filter(e -> ctx.expired(UploadRecord.decode(e.value())))
        .map(e -> new Upload(bucket, "", uploadId(e.key()), null))
        .concatMap(u -> abortLocked(u).thenReturn(1L))
        .count();
  }

  /** The upload's record if it is open; a NotFoundException of kind UPLOAD otherwise. */
  private Mono<UploadRecord> open(Upload upload) {
    if (upload == null) {
      return Mono.error(new InvalidArgumentException("upload must not be null"));
    }
    if (!bucket.equals(upload.bucket()) || !Ids.isId(upload.uploadId())) {
      return Mono.error(ObjectContext.noUpload(String.valueOf(upload.uploadId())));
    }
    return ctx.bucket(bucket)
        .then(ctx.kv.get(Keys.upload(bucket, upload.uploadId())))
        .map(UploadRecord::decode)
        .filter(u -> u.key().equals(upload.key()) && !ctx.expired(u))
        .switchIfEmpty(Mono.error(() -> ObjectContext.noUpload(upload.uploadId())));
  }

  private Flux<PartRecord> parts(String uploadId) {
    return ctx.kv.scan(Keys.parts(bucket, uploadId)).map(e -> PartRecord.decode(e.value()));
  }

  private String uploadId(Bytes recordKey) {
    int skip = Keys.uploadPrefix(bucket).length();
    return recordKey.slice(skip, recordKey.length() - skip).asUtf8();
  }
}
