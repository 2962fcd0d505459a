package dev.weir.engine;

import dev.weir.engine.key.KeyOrder;
import java.util.Objects;

/**
 * A range of keys to scan: {@code from} inclusive, {@code to} exclusive, either end open
 * ({@code null}), ascending or descending, with an optional limit. Immutable; checked by the
 * store, which refuses a range whose {@code from} sorts after its {@code to} or a limit below 1.
 */
public final class KeyRange {

  public static final long NO_LIMIT = Long.MAX_VALUE;
  private static final KeyRange ALL = new KeyRange(null, null, false, NO_LIMIT);

  private final Bytes from;
  private final Bytes to;
  private final boolean reverse;
  private final long limit;

  private KeyRange(Bytes from, Bytes to, boolean reverse, long limit) {
    this.from = from;
    this.to = to;
    this.reverse = reverse;
    this.limit = limit;
  }

  public static KeyRange all() {
    return ALL;
  }

  /** Keys in {@code [from, to)}; a {@code null} bound is open. */
  public static KeyRange of(Bytes from, Bytes to) {
    return new KeyRange(from, to, false, NO_LIMIT);
  }

  /** Keys at or after {@code from}. */
  public static KeyRange from(Bytes from) {
    return new KeyRange(Objects.requireNonNull(from, "from"), null, false, NO_LIMIT);
  }

  /** Keys before {@code to}. */
  public static KeyRange until(Bytes to) {
    return new KeyRange(null, Objects.requireNonNull(to, "to"), false, NO_LIMIT);
  }

  /** Keys that start with {@code prefix}. */
  public static KeyRange prefix(Bytes prefix) {
    Objects.requireNonNull(prefix, "prefix");
    byte[] end = KeyOrder.prefixEnd(prefix.array());
    return new KeyRange(prefix.isEmpty() ? null : prefix, end == null ? null : Bytes.wrap(end), false, NO_LIMIT);
  }

  public KeyRange reversed() {
    return new KeyRange(from, to, !reverse, limit);
  }

  /** The same range in descending order when {@code reverse}. */
  public KeyRange reverse(boolean reverse) {
    return new KeyRange(from, to, reverse, limit);
  }

  /** At most {@code limit} entries; checked when the range is used. */
  public KeyRange limit(long limit) {
    return new KeyRange(from, to, reverse, limit);
  }

  public Bytes fromKey() {
    return from;
  }

  public Bytes toKey() {
    return to;
  }

  public boolean isReverse() {
    return reverse;
  }

  public long limit() {
    return limit;
  }

  @Override
  public String toString() {
    return "[" + (from == null ? "-inf" : from) + ", " + (to == null ? "+inf" : to) + ")"
        + (reverse ? " reverse" : "") + (limit == NO_LIMIT ? "" : " limit " + limit);
  }
}
