package dev.weir.vertx.codec;

/**
 * The service's answer to opening an upload, once the store is ready for content: the client
 * may have {@code window} chunks unanswered, each of at most {@code chunkBytes} bytes.
 */
public record UploadGrant(int window, int chunkBytes) {}
