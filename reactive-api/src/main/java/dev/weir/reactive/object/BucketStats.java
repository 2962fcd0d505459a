package dev.weir.reactive.object;

/**
 * Counters of one bucket, exact (kept in the same atomic batches as the changes they count).
 *
 * @param objects objects stored (the block store's {@code BlockCount})
 * @param bytes bytes of their content; an object that shares its chunks with a copy counts
 *     in full for each key, as S3 bills it
 * @param openUploads multipart uploads started and neither completed, aborted nor expired
 * @param uploadBytes bytes held by the parts of those uploads
 */
public record BucketStats(
    String bucket, long objects, long bytes, long openUploads, long uploadBytes) {}
