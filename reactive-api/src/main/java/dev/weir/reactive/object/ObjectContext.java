package dev.weir.reactive.object;

import dev.weir.engine.Entry;
import dev.weir.engine.NotFoundException;
import dev.weir.reactive.ReactiveStore;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** What the parts of one object store share: the key-value store, settings and gates. */
final class ObjectContext {

  final ReactiveStore kv;
  final ObjectConfig config;
  final BlobWriter blobs;
  private final ConcurrentHashMap<String, SerialGate> gates = new ConcurrentHashMap<>();

  ObjectContext(ReactiveStore kv, ObjectConfig config) {
    this.kv = kv;
    this.config = config;
    this.blobs = new BlobWriter(kv, config.chunkSize());
  }

  long now() {
    return config.clock().getAsLong();
  }

  /** The gate ordering the metadata changes of {@code bucket}. */
  SerialGate gate(String bucket) {
    return gates.computeIfAbsent(bucket, b -> new SerialGate());
  }

  /** The bucket's record; a {@link NotFoundException} of kind BUCKET when absent. */
  Mono<BucketRecord> bucket(String bucket) {
    return kv.get(Keys.bucketRecord(bucket))
        .map(BucketRecord::decode)
        .switchIfEmpty(Mono.error(() -> noBucket(bucket)));
  }

  /** The live metadata entry of {@code key}; empty when absent. */
  Mono<Entry> metaEntry(String bucket, String key) {
    return kv.getEntry(Keys.meta(bucket, key));
  }

  Mono<ObjectInfo> head(String bucket, String key) {
    return metaEntry(bucket, key)
        .map(e -> ObjectMeta.decode(e.value()).info(key, e.sequence()))
        .switchIfEmpty(Mono.error(() -> noObject(bucket, key)));
  }

  boolean expired(UploadRecord upload) {
    return now() - upload.initiated() >= config.uploadExpiry().toMillis();
  }

  static NotFoundException noBucket(String bucket) {
    return new NotFoundException(NotFoundException.Kind.BUCKET, "no such bucket: " + bucket);
  }

  static NotFoundException noObject(String bucket, String key) {
    return new NotFoundException(
        NotFoundException.Kind.OBJECT, "no such object: " + bucket + "/" + key);
  }

  static NotFoundException noUpload(String uploadId) {
    return new NotFoundException(NotFoundException.Kind.UPLOAD, "no such upload: " + uploadId);
  }
}
