package dev.weir.reactive.object;

import java.time.Instant;

/**
 * One uploaded part, or (from {@link #of(int, String)}) the number and ETag a caller names
 * when completing an upload.
 *
 * @param partNumber 1 to 10,000
 * @param etag hex MD5 of the part's content (compared without surrounding quotes)
 * @param size bytes of the part; -1 when only named by number and ETag
 * @param lastModified when the part was uploaded; null when only named
 */
public record PartInfo(int partNumber, String etag, long size, Instant lastModified) {

  /** Names a part for {@code completeUpload}, as S3's {@code CompleteMultipartUpload} does. */
  public static PartInfo of(int partNumber, String etag) {
    return new PartInfo(partNumber, etag, -1, null);
  }
}
