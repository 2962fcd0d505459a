package dev.weir.engine.iterator;

/**
 * One version of one key as a reader found it. A mutable holder so that a lookup allocates
 * nothing; owned by the one reader that passed it in.
 */
public final class VersionRef {
  public long seq;
  public byte kind;
  public byte[] value;
  /** Expiry in the store clock's milliseconds; 0 means never. */
  public long expireAt;

  public void set(long seq, byte kind, byte[] value, long expireAt) {
    this.seq = seq;
    this.kind = kind;
    this.value = value;
    this.expireAt = expireAt;
  }
}
