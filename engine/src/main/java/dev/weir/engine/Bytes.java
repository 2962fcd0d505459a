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
  public static final Bytes EMPTY = new Bytes(NO_BYTES, 0, 0);

  // no cached hash: a Bytes is 24 heap bytes instead of 32, a scan allocates two per entry,
  // and hashing a key-sized range is cheap and rarely needed
  private final byte[] bytes;
  private final int offset;
  /**
   * {@link #WHOLE} for all of {@link #bytes}: wrapping an array must not read its length, since
   * a scan wraps values it may never read and each look would be a cache miss (reading it
   * made a 100-entry scan 3.5 times slower).
   */
  private final int length;

  private static final int WHOLE = -1;

  private Bytes(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  /** A copy of {@code array}: later changes to the array do not reach the store. */
  public static Bytes of(byte[] array) {
    Objects.requireNonNull(array, "array");
    return array.length == 0 ? EMPTY : new Bytes(array.clone(), 0, array.length);
  }

  /** A copy of {@code length} bytes of {@code array} from {@code offset}. */
  public static Bytes of(byte[] array, int offset, int length) {
    Objects.requireNonNull(array, "array");
    Objects.checkFromIndexSize(offset, length, array.length);
    return length == 0
        ? EMPTY
        : new Bytes(Arrays.copyOfRange(array, offset, offset + length), 0, length);
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
    return new Bytes(array, 0, WHOLE);
  }

  /**
   * Takes ownership of {@code length} bytes of {@code array} from {@code offset} without
   * copying; the caller must never change them afterwards. The whole array stays reachable as
   * long as the result is: the engine hands out keys this way from the small blocks its runs
   * keep them in, so a scan neither copies a key nor reads it unless its consumer does.
   */
  public static Bytes wrap(byte[] array, int offset, int length) {
    Objects.requireNonNull(array, "array");
    Objects.checkFromIndexSize(offset, length, array.length);
    return new Bytes(array, offset, length);
  }

  /**
   * The UTF-8 encoding of {@code text}. Text that is not valid UTF-16 (a lone surrogate) is
   * refused with an {@link InvalidArgumentException}: the JDK's encoder writes {@code ?} in its
   * place, so two different keys would name one entry.
   */
  public static Bytes utf8(String text) {
    return utf8(text, "text");
  }

  /** As {@link #utf8(String)}; a refusal names {@code argument}. */
  public static Bytes utf8(String text, String argument) {
    Objects.requireNonNull(text, argument);
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (paired) {
          i++;
        } else {
          throw new InvalidArgumentException(String.format(
              "%s is not valid UTF-16: a lone surrogate \\u%04X at index %d",
              argument, (int) c, i));
        }
      }
    }
    return wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses hexadecimal digits (no prefix), e.g. {@code "00ff"}. */
  public static Bytes fromHex(String hex) {
    return wrap(HexFormat.of().parseHex(hex));
  }

  public int length() {
    return length == WHOLE ? bytes.length : length;
  }

  public boolean isEmpty() {
    return length() == 0;
  }

  public byte byteAt(int index) {
    Objects.checkIndex(index, length());
    return bytes[offset + index];
  }

  /** A fresh copy of the content, which the caller may change. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(bytes, offset, offset + length());
  }

  /** A read-only view of the content, sharing the store's bytes without copying. */
  public ByteBuffer asReadOnlyByteBuffer() {
    return ByteBuffer.wrap(bytes, offset, length()).slice().asReadOnlyBuffer();
  }

  public String asUtf8() {
    return new String(bytes, offset, length(), StandardCharsets.UTF_8);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes, offset, offset + length());
  }

  public boolean startsWith(Bytes prefix) {
    return prefix.length() <= length()
        && Arrays.equals(
            bytes, offset, offset + prefix.length(),
            prefix.bytes, prefix.offset, prefix.offset + prefix.length());
  }

  public Bytes concat(Bytes other) {
    byte[] joined = new byte[length() + other.length()];
    System.arraycopy(bytes, offset, joined, 0, length());
    System.arraycopy(other.bytes, other.offset, joined, length(), other.length());
    return wrap(joined);
  }

  /** A copy of {@code length} bytes from {@code offset}. */
  public Bytes slice(int offset, int length) {
    Objects.checkFromIndexSize(offset, length, length());
    return of(bytes, this.offset + offset, length);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(
        bytes, offset, offset + length(), other.bytes, other.offset, other.offset + other.length());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Bytes)) {
      return false;
    }
    Bytes b = (Bytes) o;
    return b.length() == length()
        && Arrays.equals(bytes, offset, offset + length(), b.bytes, b.offset, b.offset + length());
  }

  /** The same as {@link Arrays#hashCode(byte[])} of the content. */
  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset, end = offset + length(); i < end; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  /** UTF-8 text when the bytes are printable, otherwise {@code 0x} and hexadecimal digits. */
  @Override
  public String toString() {
    for (int i = offset, end = offset + length(); i < end; i++) {
      byte b = bytes[i];
      if (b < 0x20 || b == 0x7f) {
        return "0x" + toHex();
      }
    }
    return asUtf8();
  }

  /**
   * The content as an array the engine may keep, for the engine only: the backing array
   * itself, or a copy when this is a range of a larger one (a key handed out by a scan, which
   * the store must not keep pointing into a run's block). Engine-internal code lives in
   * sub-packages, so the engine reaches it through {@link Engine}, which is in this package;
   * the array is never handed to a caller.
   */
  byte[] array() {
    return length == WHOLE || (offset == 0 && length == bytes.length) ? bytes : toByteArray();
  }
}
