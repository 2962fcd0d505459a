package dev.weir.vertx.codec;

/**
 * The service's answer to opening a snapshot or a transaction: the id that later requests name
 * it by (leased to the client that opened it), the sequence it reads at, and whether it is
 * read-only (transactions only).
 */
public record Handle(long id, long sequence, boolean readOnly) {}
