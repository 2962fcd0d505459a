package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import java.util.Objects;

/**
 * Builds one engine key: a prefix of the caller's, then key values appended by {@link
 * KeyCodec#append}. Mutable and owned by the thread building the key; {@link #toBytes()} copies,
 * so a builder may be {@link #clear() cleared} and reused.
 */
public final class KeyBuilder {
  private final ByteWriter out;

  public KeyBuilder() {
    this(32);
  }

  public KeyBuilder(int initialCapacity) {
    out = new ByteWriter(initialCapacity);
  }

  public KeyBuilder append(Bytes bytes) {
    out.put(Objects.requireNonNull(bytes, "bytes"));
    return this;
  }

  public KeyBuilder append(byte[] bytes) {
    out.put(Objects.requireNonNull(bytes, "bytes"));
    return this;
  }

  /** Appends the low eight bits of {@code b}. */
  public KeyBuilder appendByte(int b) {
    out.put(b);
    return this;
  }

  public int length() {
    return out.size();
  }

  public KeyBuilder clear() {
    out.clear();
    return this;
  }

  /** A copy of the key so far. */
  public Bytes toBytes() {
    return Bytes.wrap(out.toArray());
  }

  ByteWriter writer() {
    return out;
  }
}
