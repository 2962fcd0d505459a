package dev.weir.engine.wal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One change the write loop made at one sequence number, as the log keeps it: what replay must
 * redo. A put carries its value and expiry time; a range delete its bounds (null: open); a log
 * record its value (replay hands it to the change log only); an expiry is a delete the change
 * feed reports as an expiry. Conditions are not logged: the write loop has already decided
 * them, and replay must not decide them again. The arrays are never changed after creation.
 */
public final class WalEntry {

  // On-disk codes: DO NOT CHANGE or reuse.
  public static final byte PUT = 1;
  public static final byte DELETE = 2;
  public static final byte RANGE_DELETE = 3;
  public static final byte LOG = 4;
  public static final byte EXPIRE = 5;

  private final byte kind;
  private final byte[] key;
  private final byte[] value;
  private final long expireAt;

  private WalEntry(byte kind, byte[] key, byte[] value, long expireAt) {
    this.kind = kind;
    this.key = key;
    this.value = value;
    this.expireAt = expireAt;
  }

  /** A put; {@code expireAt} is 0 when the value never expires. */
  public static WalEntry put(byte[] key, byte[] value, long expireAt) {
    return new WalEntry(PUT, Objects.requireNonNull(key), Objects.requireNonNull(value), expireAt);
  }

  public static WalEntry delete(byte[] key) {
    return new WalEntry(DELETE, Objects.requireNonNull(key), null, 0);
  }

  /** Deletes {@code [from, to)}; either bound may be null (open). */
  public static WalEntry rangeDelete(byte[] from, byte[] to) {
    return new WalEntry(RANGE_DELETE, from, to, 0);
  }

  public static WalEntry log(byte[] key, byte[] value) {
    return new WalEntry(LOG, Objects.requireNonNull(key), Objects.requireNonNull(value), 0);
  }

  public static WalEntry expire(byte[] key) {
    return new WalEntry(EXPIRE, Objects.requireNonNull(key), null, 0);
  }

  /** Rebuilt by the codec, which has checked {@code kind}. */
  static WalEntry decoded(byte kind, byte[] key, byte[] value, long expireAt) {
    return new WalEntry(kind, key, value, expireAt);
  }

  public byte kind() {
    return kind;
  }

  /** The key; for a range delete, the inclusive start (null: open). */
  public byte[] key() {
    return key;
  }

  /** The value of a put or log record; for a range delete, the exclusive end (null: open). */
  public byte[] value() {
    return value;
  }

  public long expireAt() {
    return expireAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WalEntry e
        && kind == e.kind
        && expireAt == e.expireAt
        && Arrays.equals(key, e.key)
        && Arrays.equals(value, e.value);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * kind + Arrays.hashCode(key)) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "WalEntry[" + kind + ", " + Arrays.toString(key) + ", "
        + (value == null ? "null" : value.length + " bytes") + ", expireAt " + expireAt + "]";
  }
}
