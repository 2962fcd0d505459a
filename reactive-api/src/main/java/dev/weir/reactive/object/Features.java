package dev.weir.reactive.object;

/**
 * What an {@link ObjectStore} supports, so portable callers can branch instead of catching
 * {@link dev.weir.engine.UnsupportedFeatureException}. The names follow the storage-driver
 * reference ({@code move}, {@code server_side_copy}, {@code multipart}...).
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
    boolean signedUrl) {

  /** What the embedded store supports. */
  static Features embedded() {
    return new Features(true, true, true, true, true, true, true, true, false, false, false);
  }
}
