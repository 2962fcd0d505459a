package dev.weir.reactive.object;

import java.nio.ByteBuffer;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Objects of one bucket. Keys are non-empty UTF-8 strings of at most 1,024 bytes, as in S3.
 * Every method is cold; a missing bucket is a {@code NotFoundException} of kind {@code
 * BUCKET}, a missing object one of kind {@code OBJECT}, a missing, completed, aborted or
 * expired upload one of kind {@code UPLOAD}.
 */
public interface Bucket {

  String name();

  /**
   * Stores {@code content} (any length, any chunking) under {@code key}, replacing what was
   * there once the whole content has arrived. Each buffer is copied once when it arrives, so
   * the caller may reuse it at once. An error or a cancel of the content stores nothing.
   */
  Mono<ObjectInfo> put(String key, Flux<ByteBuffer> content, ObjectOptions options);

  /** The whole content; see {@link #read(String, long, long)}. */
  Flux<ByteBuffer> read(String key);

  /**
   * {@code length} bytes from {@code offset}, as read-only buffers that share the stored
   * chunks (no copy), one buffer per requested element. A range past the end is clamped as S3
   * does ({@code offset} at or past the end gives no buffers); a negative offset or length is
   * an {@code InvalidArgumentException}. The read sees the object as it was when the read
   * started, even if it is replaced or deleted meanwhile.
   */
  Flux<ByteBuffer> read(String key, long offset, long length);

  Mono<ObjectInfo> head(String key);

  /** Deletes the object; emits whether it existed (deleting a missing key is not an error). */
  Mono<Boolean> delete(String key);

  /**
   * One page of keys starting with {@code prefix} (null or empty: all) and sorting after
   * {@code startAfter} (null: from the start). With a {@code delimiter}, keys that contain it
   * after the prefix are rolled up into common prefixes. At most {@code limit} (1 to 1,000)
   * objects and common prefixes together.
   */
  Mono<Listing> list(String prefix, String delimiter, String startAfter, int limit);

  /** Every object whose key starts with {@code prefix}, ascending, backpressured. */
  Flux<ObjectInfo> objects(String prefix);

  /** Server-side copy: {@code to} shares {@code from}'s chunks; no content byte is copied. */
  Mono<ObjectInfo> copy(String from, String to);

  /** Renames one object atomically (one batch); its chunks stay where they are. */
  Mono<ObjectInfo> move(String from, String to);

  /**
   * Renames every object under {@code fromPrefix} to {@code toPrefix} in one atomic batch;
   * emits how many moved. Prefixes where one starts with the other are refused.
   */
  Mono<Long> movePrefix(String fromPrefix, String toPrefix);

  /** Deletes every object under {@code prefix} ("recursive delete") atomically; emits how many. */
  Mono<Long> deletePrefix(String prefix);

  /** Object count, total bytes, open uploads and the bytes they hold. */
  Mono<BucketStats> stats();

  // ------------------------------------------------------------------------------ multipart

  /** Starts a multipart upload whose object will have {@code options}. */
  Mono<Upload> startUpload(String key, ObjectOptions options);

  /**
   * Uploads part {@code partNumber} (1 to 10,000); uploading a number again replaces it. An
   * error or a cancel of the content stores nothing.
   */
  Mono<PartInfo> uploadPart(Upload upload, int partNumber, Flux<ByteBuffer> content);

  /** The parts uploaded so far, ascending by number. */
  Flux<PartInfo> listParts(Upload upload);

  /** The open uploads of this bucket, by key then start time; expired ones are aborted first. */
  Flux<Upload> listUploads();

  /**
   * Makes the object from the named parts, in one atomic batch whose cost does not depend on
   * the parts' size: no byte is copied. Parts must be named in strictly ascending order
   * ({@link InvalidPartOrderException}), each uploaded with a matching ETag ({@link
   * InvalidPartException}); an empty list is an {@code InvalidArgumentException}. On such an
   * error nothing changes and the upload stays open. Parts uploaded but not named are freed.
   */
  Mono<ObjectInfo> completeUpload(Upload upload, List<PartInfo> parts);

  /** Aborts the upload and frees its parts. */
  Mono<Void> abortUpload(Upload upload);
}
