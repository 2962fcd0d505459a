package dev.weir.reactive.object;

import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import dev.weir.reactive.ReactiveStore;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The object store over a {@link ReactiveStore}: buckets are records under {@code \0ob/},
 * their data lives under {@code \0o/<bucket>/} (see {@link Keys}).
 */
final class EmbeddedObjectStore implements ObjectStore {

  private final ObjectContext ctx;

  EmbeddedObjectStore(ReactiveStore kv, ObjectConfig config) {
    this.ctx = new ObjectContext(kv, config);
  }

  @Override
  public Mono<BucketInfo> createBucket(String name) {
    return Mono.defer(
        () -> {
          Names.bucket(name);
          return ctx.gate(name).run(() -> createLocked(name));
        });
  }

  private Mono<BucketInfo> createLocked(String name) {
    BucketRecord fresh =
        new BucketRecord(ctx.now(), ThreadLocalRandom.current().nextLong(), 0, 0, 0, 0);
    return ctx.kv.put(Keys.bucketRecord(name), fresh.encode(), PutOptions.ifAbsent())
        .then(ctx.bucket(name))
        .map(r -> new BucketInfo(name, Instant.ofEpochMilli(r.created())));
  }

  @Override
  public Mono<Void> deleteBucket(String name) {
    return Mono.defer(
        () -> {
          Names.bucket(name);
          return ctx.gate(name).run(() -> deleteLocked(name));
        });
  }

  /** Expired uploads do not keep a bucket alive: they are freed first. */
  private Mono<Void> deleteLocked(String name) {
    return ctx.bucket(name)
        .then(new Multipart(ctx, name).expireLocked())
        .then(ctx.bucket(name))
        .flatMap(
            r -> {
              if (r.objects() > 0 || r.uploads() > 0) {
                return Mono.error(new BucketNotEmptyException(
                    "bucket " + name + " holds " + r.objects() + " objects and " + r.uploads()
                        + " open uploads"));
              }
              // The range delete also sweeps chunks of puts still streaming; their commit
              // will find the bucket gone (or a new incarnation) and free nothing it lacks.
              return ctx.kv.write(WriteBatch.builder()
                  .delete(Keys.bucketRecord(name))
                  .deletePrefix(Keys.bucketData(name))
                  .build());
            });
  }

  @Override
  public Flux<BucketInfo> listBuckets() {
    return Flux.defer(() -> ctx.kv.scan(Keys.bucketRecords()))
        .map(e -> new BucketInfo(Keys.bucketName(e.key()),
            Instant.ofEpochMilli(BucketRecord.decode(e.value()).created())));
  }

  @Override
  public Bucket bucket(String name) {
    return new EmbeddedBucket(ctx, Objects.requireNonNull(name, "name"));
  }

  @Override
  public Features features() {
    return Features.embedded(ctx.config.etagAlgorithm());
  }

  @Override
  public Mono<Long> expireUploads() {
    return listBuckets()
        .concatMap(b -> new Multipart(ctx, b.name()).expire())
        .reduce(0L, Long::sum);
  }

  @Override
  public Flux<BucketStats> stats() {
    return listBuckets().concatMap(b -> bucket(b.name()).stats());
  }

  @Override
  public String toString() {
    return "ObjectStore[" + ctx.kv + "]";
  }
}
