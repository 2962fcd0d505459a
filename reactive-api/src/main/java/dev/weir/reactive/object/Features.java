package dev.weir.reactive.object;

/**
 * What an {@link ObjectStore} supports, so portable callers can branch instead of catching
 * {@link dev.weir.engine.UnsupportedFeatureException}. The names follow the storage-driver
 * reference ({@code move}, {@code server_side_copy}, {@code multipart}, {@code hash:md5}...).
 *
 * @param md5 whether a simple put's ETag is the MD5 of its content, as in S3 (the reference's
 *     {@code hash:md5}); multipart ETags are S3's in every case
 * @param etagAlgorithm how a simple put's ETag is computed
 */
public record Features(
    boolean move,
    boolean serverSideMove,
    boolean serverSideCopy,
    boolean directories,
    boolean multipart,
    boolean rangedReads,
    boolean md5,
    boolean crc32c,
    boolean watch,
    boolean publicUrl,
    boolean signedUrl,
    EtagAlgorithm etagAlgorithm) {

  /** What the embedded store supports, with ETags by {@code etag}. */
  static Features embedded(EtagAlgorithm etag) {
    return new Features(true, true, true, true, true, true, etag == EtagAlgorithm.MD5, true,
        false, false, false, etag);
  }
}
