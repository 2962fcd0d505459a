package dev.weir.engine.key;

/**
 * A deletion of every key in {@code [from, to)} written at sequence {@code seq}: one record,
 * however many keys it covers. A {@code null} bound is open.
 */
public record RangeTombstone(byte[] from, byte[] to, long seq) {

  /** Whether this tombstone hides a version of {@code key} written at {@code versionSeq}. */
  public boolean hides(byte[] key, long versionSeq, long readSeq) {
    return seq > versionSeq && seq <= readSeq && KeyOrder.inRange(key, from, to);
  }
}
