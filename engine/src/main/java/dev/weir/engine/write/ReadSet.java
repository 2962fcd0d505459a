package dev.weir.engine.write;

/**
 * What an optimistic transaction read, at which sequence: the keys it got and the ranges it
 * scanned. The write loop validates it at commit: if anything in it changed after {@code
 * snapshotSeq}, the commit fails with a conflict and writes nothing. Immutable.
 *
 * @param rangeTo exclusive ends, parallel to {@code rangeFrom}; {@code null} entries are open
 */
public record ReadSet(long snapshotSeq, byte[][] keys, byte[][] rangeFrom, byte[][] rangeTo) {}
