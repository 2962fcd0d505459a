package dev.weir.reactive.object;

import java.time.Instant;

/**
 * A multipart upload in progress: the handle that {@code uploadPart}, {@code completeUpload}
 * and {@code abortUpload} take.
 *
 * @param bucket the bucket it was started in
 * @param key the key the object will have
 * @param uploadId unique within the store; never reused
 * @param initiated when it was started, by the store clock; it expires after the store's
 *     upload expiry (default 24 hours) from this instant
 */
public record Upload(String bucket, String key, String uploadId, Instant initiated) {}
