package dev.weir.table.codec;

import dev.weir.table.ItemValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads an encoded item, checking every length against what remains before believing it: a
 * corrupt or hostile input is refused with an {@link ItemValidationException} naming the offset,
 * never read past its end nor allowed to size an allocation. Owned by one decoding thread.
 */
final class ByteReader {
  private final ByteBuffer in; // absolute reads only, so a shared read-only view is never moved
  private final int start;
  private final int end;
  private int position;
  private byte[] scratch; // text of a read-only buffer is copied here before decoding

  ByteReader(ByteBuffer in) {
    this.in = in;
    this.start = in.position();
    this.end = in.limit();
    this.position = start;
  }

  int remaining() {
    return end - position;
  }

  boolean atEnd() {
    return position == end;
  }

  int readByte() {
    if (position >= end) {
      throw fail("truncated");
    }
    return in.get(position++) & 0xFF;
  }

  long readVarint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      int b = readByte();
      if (shift == 63 && b > 1) {
        throw fail("a varint longer than 64 bits");
      }
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }

  /** A byte length, refused when more than the bytes that remain. */
  int readLength(String what) {
    return readBounded(what, "bytes");
  }

  /** A count of elements that each take at least one byte, so at most the bytes remaining. */
  int readCount(String what) {
    return readBounded(what, "elements");
  }

  private int readBounded(String what, String unit) {
    long n = readVarint();
    if (n < 0 || n > remaining()) {
      throw fail(what + " of " + Long.toUnsignedString(n) + " " + unit + " where " + remaining()
          + " bytes remain");
    }
    return (int) n;
  }

  String readUtf8(int length) {
    byte[] array;
    int offset;
    if (in.hasArray()) {
      array = in.array();
      offset = in.arrayOffset() + position;
    } else {
      if (scratch == null || scratch.length < length) {
        scratch = new byte[Math.max(length, 64)];
      }
      in.get(position, scratch, 0, length);
      array = scratch;
      offset = 0;
    }
    if (!Utf8.isWellFormed(array, offset, length)) {
      throw fail("text that is not well-formed UTF-8");
    }
    position += length;
    return new String(array, offset, length, StandardCharsets.UTF_8);
  }

  byte[] readBytes(int length) {
    byte[] bytes = new byte[length];
    in.get(position, bytes, 0, length);
    position += length;
    return bytes;
  }

  /** Whether the next {@code length} bytes are {@code expected}; moves past them either way. */
  boolean skipMatching(int length, byte[] expected) {
    boolean same = length == expected.length;
    for (int i = 0; same && i < length; i++) {
      same = in.get(position + i) == expected[i];
    }
    position += length;
    return same;
  }

  /** Moves past {@code length} bytes already checked against {@link #remaining()}. */
  void skip(int length) {
    position += length;
  }

  ItemValidationException fail(String problem) {
    return new ItemValidationException(
        "not a valid encoded item: " + problem + " at byte " + (position - start));
  }
}
