package dev.weir.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An atomic group of writes: puts, deletes, range deletes and log records that get consecutive
 * sequence numbers and become visible together. Immutable once built; the same key twice means
 * the last write wins. Arguments are checked when the batch is written, so a bad batch changes
 * nothing.
 */
public final class WriteBatch {

  /** What one operation of a batch does. */
  public enum Kind {
    PUT,
    DELETE,
    DELETE_PREFIX,
    DELETE_RANGE,
    /** A record for the change feed only, never stored (see {@link Builder#log}). */
    LOG
  }

  /**
   * One operation. For {@code DELETE_RANGE}, {@code key} is the inclusive start and {@code to}
   * the exclusive end (null: open); for {@code DELETE_PREFIX}, {@code key} is the prefix. {@code
   * ttl} is null when the value never expires.
   */
  public record Op(Kind kind, Bytes key, Bytes value, Bytes to, Duration ttl) {}

  private final List<Op> ops;

  private WriteBatch(List<Op> ops) {
    this.ops = List.copyOf(ops);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Op> ops() {
    return ops;
  }

  public int size() {
    return ops.size();
  }

  @Override
  public String toString() {
    return "WriteBatch" + ops;
  }

  /** Collects operations in order. Not thread-safe; {@link #build()} gives an immutable batch. */
  public static final class Builder {
    private final List<Op> ops = new ArrayList<>();

    private Builder() {}

    /** Operations added so far. */
    public int size() {
      return ops.size();
    }

    public Builder put(Bytes key, Bytes value) {
      ops.add(new Op(Kind.PUT, key, value, null, null));
      return this;
    }

    /** A put whose value expires after {@code ttl}. */
    public Builder put(Bytes key, Bytes value, Duration ttl) {
      ops.add(new Op(Kind.PUT, key, value, null, ttl));
      return this;
    }

    public Builder delete(Bytes key) {
      ops.add(new Op(Kind.DELETE, key, null, null, null));
      return this;
    }

    /** Deletes every key that starts with {@code prefix}, as one range tombstone. */
    public Builder deletePrefix(Bytes prefix) {
      ops.add(new Op(Kind.DELETE_PREFIX, prefix, null, null, null));
      return this;
    }

    /** Deletes every key in {@code [from, to)}, as one range tombstone. */
    public Builder deleteRange(Bytes from, Bytes to) {
      ops.add(new Op(Kind.DELETE_RANGE, from, null, to, null));
      return this;
    }

    /**
     * A log record: it takes a sequence number in batch order and reaches every watch of a prefix
     * of {@code key} as a {@link ChangeEvent.Type#LOG} event, but is never stored: get, scan and
     * history never see it, it conflicts with no transaction, and only the change log holds it
     * (RocksDB's {@code PutLogData}, except that it reaches the change feed). Its key and value
     * are checked like a put's. A batch may hold only log records.
     */
    public Builder log(Bytes key, Bytes value) {
      ops.add(new Op(Kind.LOG, key, value, null, null));
      return this;
    }

    public WriteBatch build() {
      return new WriteBatch(ops);
    }
  }
}
