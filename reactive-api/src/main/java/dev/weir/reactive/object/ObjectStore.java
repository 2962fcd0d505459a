package dev.weir.reactive.object;

import dev.weir.reactive.ReactiveStore;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Buckets of objects (S3's model), stored in the same LSM as the key-value data, through the
 * {@link ReactiveStore} API: metadata and content chunks are keys under the reserved prefix
 * {@code "\u0000o"} (see {@code reactive-api/OBJECTS.md}). Every method is cold, never throws
 * and never blocks; failures arrive as {@code onError} with a {@link
 * dev.weir.engine.WeirException} kind, and a failed operation changes nothing.
 *
 * <p>One object store per key-value store: the object layer orders its own metadata changes
 * (one at a time per bucket), so two object stores over the same key-value store could
 * interleave them.
 */
public interface ObjectStore {

  /** An object store over {@code kv}; the default chunk size, upload expiry and clock. */
  static ObjectStore over(ReactiveStore kv) {
    return over(kv, ObjectConfig.defaults());
  }

  /** An object store over {@code kv} with the given settings. */
  static ObjectStore over(ReactiveStore kv, ObjectConfig config) {
    return new EmbeddedObjectStore(
        Objects.requireNonNull(kv, "kv"), Objects.requireNonNull(config, "config"));
  }

  /**
   * Creates the bucket. Names follow S3 (3 to 63 lowercase letters, digits, dots and hyphens,
   * starting and ending with a letter or digit); a bad name is an {@code
   * InvalidArgumentException}. Creating a bucket that exists returns it unchanged, as S3 does
   * for a bucket its caller owns.
   */
  Mono<BucketInfo> createBucket(String name);

  /**
   * Deletes an empty bucket. A missing bucket is a {@code NotFoundException} of kind {@code
   * BUCKET}; objects or open uploads left are a {@link BucketNotEmptyException}.
   */
  Mono<Void> deleteBucket(String name);

  /** Every bucket, ascending by name. */
  Flux<BucketInfo> listBuckets();

  /**
   * A handle on the named bucket. Nothing is checked until an operation runs: operations on a
   * missing bucket fail with a {@code NotFoundException} of kind {@code BUCKET}.
   */
  Bucket bucket(String name);

  /** What this store supports. */
  Features features();

  /**
   * Aborts every multipart upload older than the upload expiry, freeing its parts; emits how
   * many. Runs by itself on {@link #stats()} and {@link Bucket#listUploads()}.
   */
  Mono<Long> expireUploads();

  /** Counters of every bucket, after expiring stale uploads. */
  Flux<BucketStats> stats();
}
