package dev.weir.engine;

import java.util.Objects;

/**
 * One committed change, in commit order, with the sequence number it was given. For a range
 * deletion {@code key} is the inclusive start and {@code rangeEnd} the exclusive end ({@code
 * null}: open); {@code value} is set for puts and log records only. A log record ({@link
 * WriteBatch.Builder#log}) changed nothing stored: it exists only in the change feed. Resume a
 * change stream after this event with {@code watch(prefix, sequence() + 1)}.
 */
public record ChangeEvent(Type type, Bytes key, Bytes value, Bytes rangeEnd, long sequence) {

  /** What happened. The codes travel over the event bus: DO NOT CHANGE them. */
  public enum Type {
    PUT(1),
    DELETE(2),
    RANGE_DELETE(3),
    EXPIRE(4),
    LOG(5);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static Type ofCode(int code) {
      for (Type t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      throw new InvalidArgumentException("unknown change type code " + code);
    }
  }

  public ChangeEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return sequence + " " + type + " " + key
        + (type == Type.PUT || type == Type.LOG ? "=" + value : "")
        + (type == Type.RANGE_DELETE ? ".." + (rangeEnd == null ? "+inf" : rangeEnd) : "");
  }
}
