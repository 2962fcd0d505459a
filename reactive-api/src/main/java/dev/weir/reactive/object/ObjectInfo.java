package dev.weir.reactive.object;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code head} tells about an object.
 *
 * @param key the object's key in its bucket
 * @param size bytes of content
 * @param contentType the content type given at put ({@link ObjectOptions#DEFAULT_CONTENT_TYPE}
 *     when none was)
 * @param metadata user metadata, unmodifiable
 * @param etag for a single put, 32 hex digits by the store's {@link EtagAlgorithm} (by
 *     default an opaque name of the stored content, new with every put; MetroHash128 of the
 *     content with {@code etag=metrohash128}; its MD5, as S3, with {@code etag=md5}: see {@link
 *     Features#etagAlgorithm()}); for a multipart upload, as S3, the hex MD5 of the
 *     concatenated binary MD5s of its parts, then {@code -} and the part count
 * @param crc32c the CRC32C of the whole content
 * @param sequence the store sequence of the write that made this object visible; changes with
 *     every put, copy onto or move onto the key
 * @param created when the object was stored, by the store clock
 */
public record ObjectInfo(
    String key,
    long size,
    String contentType,
    Map<String, String> metadata,
    String etag,
    int crc32c,
    long sequence,
    Instant created) {

  public ObjectInfo {
    metadata = Map.copyOf(metadata);
  }

  /** Whether this object was stored by a multipart upload (its ETag ends with {@code -N}). */
  public boolean isMultipart() {
    return etag.indexOf('-') >= 0;
  }
}
