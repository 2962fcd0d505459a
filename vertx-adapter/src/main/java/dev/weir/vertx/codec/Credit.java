package dev.weir.vertx.codec;

/**
 * Client to service: {@code credits} more items may be sent on stream {@code stream} (or, at
 * the cancel address, the stream is cancelled and {@code credits} is ignored).
 */
public record Credit(long stream, long credits) {}
