package dev.weir.reactive.object;

import dev.weir.engine.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Settings of the object layer: chunk size, how long an open multipart upload lives, the ETag
 * algorithm of a simple put, and the clock (milliseconds) that stamps objects and expires
 * uploads. Pass the store's own clock ({@code EngineConfig.clock()}) so that tests can move
 * both in virtual time.
 */
public final class ObjectConfig {

  public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;
  public static final Duration DEFAULT_UPLOAD_EXPIRY = Duration.ofHours(24);
  public static final EtagAlgorithm DEFAULT_ETAG = EtagAlgorithm.VERSION;
  /** Far beyond any upload's life, and short enough to add to a clock in milliseconds. */
  public static final Duration MAX_UPLOAD_EXPIRY = Duration.ofDays(36_500);

  private final int chunkSize;
  private final Duration uploadExpiry;
  private final EtagAlgorithm etag;
  private final LongSupplier clock;

  private ObjectConfig(
      int chunkSize, Duration uploadExpiry, EtagAlgorithm etag, LongSupplier clock) {
    this.chunkSize = chunkSize;
    this.uploadExpiry = uploadExpiry;
    this.etag = etag;
    this.clock = clock;
  }

  public static ObjectConfig defaults() {
    return new ObjectConfig(
        DEFAULT_CHUNK_SIZE, DEFAULT_UPLOAD_EXPIRY, DEFAULT_ETAG, System::currentTimeMillis);
  }

  /** Bytes per stored chunk: a ranged read fetches only the chunks it overlaps. */
  public ObjectConfig withChunkSize(int bytes) {
    if (bytes < 1) {
      throw new InvalidArgumentException("chunkSize must be at least 1, was " + bytes);
    }
    return new ObjectConfig(bytes, uploadExpiry, etag, clock);
  }

  /**
   * How long an upload may stay open (positive, at most {@link #MAX_UPLOAD_EXPIRY}); after that
   * it is aborted and its parts freed.
   */
  public ObjectConfig withUploadExpiry(Duration expiry) {
    Objects.requireNonNull(expiry, "uploadExpiry");
    if (expiry.isZero() || expiry.isNegative()) {
      throw new InvalidArgumentException("uploadExpiry must be positive, was " + expiry);
    }
    if (expiry.compareTo(MAX_UPLOAD_EXPIRY) > 0) {
      throw new InvalidArgumentException(
          "uploadExpiry must be at most " + MAX_UPLOAD_EXPIRY + " (100 years), was " + expiry);
    }
    return new ObjectConfig(chunkSize, expiry, etag, clock);
  }

  /**
   * The ETag of a simple put: {@link EtagAlgorithm#VERSION} by default (names the stored
   * version, reads no byte), {@link EtagAlgorithm#METRO_128} for a fast content hash, {@link
   * EtagAlgorithm#MD5} for S3-exact ETags. Multipart ETags are S3's in every case.
   */
  public ObjectConfig withEtagAlgorithm(EtagAlgorithm algorithm) {
    return new ObjectConfig(
        chunkSize, uploadExpiry, Objects.requireNonNull(algorithm, "etagAlgorithm"), clock);
  }

  public ObjectConfig withClock(LongSupplier millis) {
    return new ObjectConfig(
        chunkSize, uploadExpiry, etag, Objects.requireNonNull(millis, "clock"));
  }

  public int chunkSize() {
    return chunkSize;
  }

  public Duration uploadExpiry() {
    return uploadExpiry;
  }

  public EtagAlgorithm etagAlgorithm() {
    return etag;
  }

  public LongSupplier clock() {
    return clock;
  }
}
