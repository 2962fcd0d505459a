package dev.weir.reactive.object;

import java.nio.ByteBuffer;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A {@link Bucket} of the embedded object store: a facade over one job per class. */
final class EmbeddedBucket implements Bucket {

  private final ObjectContext ctx;
  private final String name;
  private final ObjectWrites writes;
  private final ObjectReader reader;
  private final Lister lister;
  private final Multipart multipart;

  EmbeddedBucket(ObjectContext ctx, String name) {
    this.ctx = ctx;
    this.name = name;
    this.writes = new ObjectWrites(ctx, name);
    this.reader = new ObjectReader(ctx, name);
    this.lister = new Lister(ctx, name);
    this.multipart = new Multipart(ctx, name);
  }

  Multipart multipart() {
    return multipart;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Mono<ObjectInfo> put(String key, Flux<ByteBuffer> content, ObjectOptions options) {
    return writes.put(key, content, options);
  }

  @Override
  public Flux<ByteBuffer> read(String key) {
    return reader.read(key, 0, Long.MAX_VALUE);
  }

  @Override
  public Flux<ByteBuffer> read(String key, long offset, long length) {
    return reader.read(key, offset, length);
  }

  @Override
  public Mono<ObjectInfo> head(String key) {
    return Mono.defer(() -> ctx.bucket(name).then(ctx.head(name, Names.key("key", key))));
  }

  @Override
  public Mono<Boolean> delete(String key) {
    return writes.delete(key);
  }

  @Override
  public Mono<Listing> list(String prefix, String delimiter, String startAfter, int limit) {
    return lister.list(prefix, delimiter, startAfter, limit);
  }

  @Override
  public Flux<ObjectInfo> objects(String prefix) {
    return lister.objects(prefix);
  }

  @Override
  public Mono<ObjectInfo> copy(String from, String to) {
    return writes.copy(from, to);
  }

  @Override
  public Mono<ObjectInfo> move(String from, String to) {
    return writes.move(from, to);
  }

  @Override
  public Mono<Long> movePrefix(String fromPrefix, String toPrefix) {
    return writes.movePrefix(fromPrefix, toPrefix);
  }

  @Override
  public Mono<Long> deletePrefix(String prefix) {
    return writes.deletePrefix(prefix);
  }

  @Override
  public Mono<BucketStats> stats() {
    return Mono.defer(() -> ctx.bucket(name))
        .then(Mono.defer(multipart::expire))
        .then(Mono.defer(() -> ctx.bucket(name)))
        .map(r -> new BucketStats(name, r.objects(), r.bytes(), r.uploads(), r.uploadBytes()));
  }

  @Override
  public Mono<Upload> startUpload(String key, ObjectOptions options) {
    return multipart.start(key, options);
  }

  @Override
  public Mono<PartInfo> uploadPart(Upload upload, int partNumber, Flux<ByteBuffer> content) {
    return multipart.uploadPart(upload, partNumber, content);
  }

  @Override
  public Flux<PartInfo> listParts(Upload upload) {
    return multipart.listParts(upload);
  }

  @Override
  public Flux<Upload> listUploads() {
    return multipart.listUploads();
  }

  @Override
  public Mono<ObjectInfo> completeUpload(Upload upload, List<PartInfo> parts) {
    return multipart.complete(upload, parts);
  }

  @Override
  public Mono<Void> abortUpload(Upload upload) {
    return multipart.abort(upload);
  }

  @Override
  public String toString() {
    return "Bucket[" + name + "]";
  }
}
