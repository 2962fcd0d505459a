package dev.weir.vertx.codec;

import java.nio.ByteBuffer;

/**
 * Client to service: the {@code seq}-th piece (from 0) of the content of upload stream {@code
 * stream}. The service answers a chunk once the store took it, and the {@code last} one with
 * the upload's result; {@code data} may be empty (an empty object, or content that ended just
 * after a full chunk). {@code data} is read-only and nobody changes it once sent: receivers
 * read it through a duplicate.
 */
public record UploadChunk(long stream, long seq, boolean last, ByteBuffer data) {}
