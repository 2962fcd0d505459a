package dev.weir.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable byte string, ordered by unsigned bytes (the order of keys in the store).
 *
 * <p>The store never hands its arrays to callers and never keeps a caller's array that the
 * caller could still change: {@link #of(byte[])} copies once on the way in, {@link #wrap(byte[])}
 * takes ownership of an array the caller promises not to touch again. Because a {@code Bytes}
 * can never change, the engine shares it freely and reads need no defensive copy.
 */
public final class Bytes implements Comparable<Bytes> {

  private static final byte[] NO_BYTES = new byte[0];
  public static final Bytes EMPTY = new Bytes(NO_BYTES);

  // the array alone, no cached hash: a Bytes is then 16 heap bytes instead of 24, and a scan
  // allocates two per entry, while hashing a key-sized array is cheap and rarely needed
  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code array}: later changes to the array do not reach the store. */
  public static Bytes of(byte[] array) {
    Objects.requireNonNull(array, "array");
    return array.length == 0 ? EMPTY : new Bytes(array.clone());
  }

  /** A copy of {@code length} bytes of {@code array} from {@code offset}. */
  public static Bytes of(byte[] array, int offset, int length) {
    Objects.requireNonNull(array, "array");
    Objects.checkFromIndexSize(offset, length, array.length);
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(array, offset, offset + length));
  }

  /** A copy of the remaining bytes of {@code buffer}; the buffer's position is not moved. */
  public static Bytes of(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer");
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return wrap(copy);
  }

  /**
   * Takes ownership of {@code array} without copying. The caller must never change the array
   * afterwards: doing so would change stored data under every reader.
   */
  public static Bytes wrap(byte[] array) {
    Objects.requireNonNull(array, "array");
    // no look at the length: wrapping must not touch the array (a scan wraps values it may
    // never read, and each look would be a cache miss)
    return new Bytes(array);
  }

  public static Bytes utf8(String text) {
    Objects.requireNonNull(text, "text");
    return wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses hexadecimal digits (no prefix), e.g. {@code "00ff"}. */
  public static Bytes fromHex(String hex) {
    return wrap(HexFormat.of().parseHex(hex));
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A fresh copy of the content, which the caller may change. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** A read-only view of the content, sharing the store's bytes without copying. */
  public ByteBuffer asReadOnlyByteBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  public String asUtf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  public boolean startsWith(Bytes prefix) {
    return prefix.bytes.length <= bytes.length
        && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  public Bytes concat(Bytes other) {
    byte[] joined = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
    System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
    return wrap(joined);
  }

  /** A copy of {@code length} bytes from {@code offset}. */
  public Bytes slice(int offset, int length) {
    return of(bytes, offset, length);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Bytes && Arrays.equals(bytes, ((Bytes) o).bytes));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** UTF-8 text when the bytes are printable, otherwise {@code 0x} and hexadecimal digits. */
  @Override
  public String toString() {
    for (byte b : bytes) {
      if (b < 0x20 || b == 0x7f) {
        return "0x" + toHex();
      }
    }
    return asUtf8();
  }

  /**
   * The backing array, for the engine only. Engine-internal code lives in sub-packages, so the
   * engine reaches it through {@link Engine}, which is in this package; the array is never
   * handed to a caller.
   */
  byte[] array() {
    return bytes;
  }
}
