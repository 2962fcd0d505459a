package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.KeyRange;
import dev.weir.engine.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key layout of the object layer inside the key-value store. Everything lives under the
 * reserved prefix {@code "\u0000o"}; key-value users must not write there.
 *
 * <pre>
 * \0ob/B                  bucket record: created, incarnation, counters
 * \0o/B/m/KEY             object metadata, points at a content id
 * \0o/B/n/CONTENT         content manifest: reference count, segments (blobs)
 * \0o/B/c/BLOB/INDEX      one chunk of a blob (a put's or a part's bytes); INDEX int32 BE
 * \0o/B/u/UPLOAD          open multipart upload
 * \0o/B/p/UPLOAD/PART     one uploaded part, points at its blob; PART int32 BE
 * </pre>
 *
 * <p>Bucket names cannot hold {@code '/'}, so {@code \0o/<bucket>/} is a prefix of that bucket's
 * keys only, and deleting it removes the bucket's data with one range tombstone. Big-endian
 * chunk and part numbers sort numerically, so a prefix scan returns them in order.
 */
final class Keys {

  static final Bytes RESERVED = Bytes.wrap(new byte[] {0, 'o'});
  private static final Bytes BUCKETS = Bytes.utf8("\u0000ob/");

  private Keys() {}

  static Bytes bucketRecord(String bucket) {
    return BUCKETS.concat(Bytes.utf8(bucket));
  }

  static Bytes bucketRecords() {
    return BUCKETS;
  }

  static String bucketName(Bytes recordKey) {
    return recordKey.slice(BUCKETS.length(), recordKey.length() - BUCKETS.length()).asUtf8();
  }

  /** Every key of the bucket's data (not its record). */
  static Bytes bucketData(String bucket) {
    return Bytes.utf8("\u0000o/" + bucket + "/");
  }

  static Bytes metaPrefix(String bucket) {
    return Bytes.utf8("\u0000o/" + bucket + "/m/");
  }

  static Bytes meta(String bucket, String key) {
    return metaPrefix(bucket).concat(Bytes.utf8(key));
  }

  static String objectKey(String bucket, Bytes metaKey) {
    int skip = metaPrefix(bucket).length();
    return new String(
        metaKey.toByteArray(), skip, metaKey.length() - skip, StandardCharsets.UTF_8);
  }

  static Bytes manifest(String bucket, String contentId) {
    return Bytes.utf8("\u0000o/" + bucket + "/n/" + contentId);
  }

  static Bytes blobChunks(String bucket, String blobId) {
    return Bytes.utf8("\u0000o/" + bucket + "/c/" + blobId + "/");
  }

  static Bytes chunk(Bytes blobPrefix, int index) {
    return blobPrefix.concat(Bytes.wrap(int32(index)));
  }

  /**
   * Chunks a blob may have and still be freed one point delete a chunk, in the batch that drops
   * its last reference; a larger blob is freed by one range delete. Also the most chunks written
   * in one batch. Either way an object's batches stay far below any store's maxBatchOps,
   * whatever the object's size.
   */
  static final int CHUNKS_PER_BATCH = 64;

  /**
   * Adds to {@code batch} the deletion of a blob of {@code size} bytes: one point delete a chunk
   * when it has at most {@link #CHUNKS_PER_BATCH} and the batch stays small, else one range
   * delete over its chunks (so freeing many objects at once costs an op or two each). Point
   * deletes where they are few: every read checks the range deletes the store still holds, and
   * small objects overwritten in a loop would pile them up faster than compaction retires them;
   * point deletes cost a read nothing and go with their chunks at the next compaction. A large
   * blob needs one op, not one a chunk (103,427 ops for a 101 MiB object in 1 KiB chunks, past
   * maxBatchOps, made it impossible to delete or overwrite).
   */
  static void deleteChunks(
      WriteBatch.Builder batch, String bucket, String blobId, long size, int chunkSize) {
    Bytes prefix = blobChunks(bucket, blobId);
    long chunks = (size + chunkSize - 1) / chunkSize;
    if (chunks > CHUNKS_PER_BATCH || batch.size() + chunks > 4 * CHUNKS_PER_BATCH) {
      batch.deletePrefix(prefix);
      return;
    }
    for (int i = 0; i < chunks; i++) {
      batch.delete(chunk(prefix, i));
    }
  }

  static Bytes uploadPrefix(String bucket) {
    return Bytes.utf8("\u0000o/" + bucket + "/u/");
  }

  static Bytes upload(String bucket, String uploadId) {
    return uploadPrefix(bucket).concat(Bytes.utf8(uploadId));
  }

  static Bytes parts(String bucket, String uploadId) {
    return Bytes.utf8("\u0000o/" + bucket + "/p/" + uploadId + "/");
  }

  static Bytes part(String bucket, String uploadId, int partNumber) {
    return parts(bucket, uploadId).concat(Bytes.wrap(int32(partNumber)));
  }

  /** The first key after every key starting with {@code prefix} (null: none). */
  static Bytes prefixEnd(Bytes prefix) {
    byte[] p = prefix.toByteArray();
    for (int i = p.length - 1; i >= 0; i--) {
      if (p[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(p, i + 1);
        end[i]++;
        return Bytes.wrap(end);
      }
    }
    return null;
  }

  static KeyRange prefixRange(Bytes prefix) {
    return KeyRange.prefix(prefix);
  }

  static byte[] int32(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }
}
