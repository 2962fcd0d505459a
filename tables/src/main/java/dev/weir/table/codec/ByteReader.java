package dev.weir.table.codec;

import dev.weir.table.ItemValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an encoded item, checking every length against what remains before believing it: a
 * corrupt or hostile input is refused with an {@link ItemValidationException} naming the offset,
 * never read past its end nor allowed to size an allocation. Owned by one decoding thread.
 */
final class ByteReader {
  // a plain array, not a ByteBuffer: a read-only buffer (all that Bytes hands out) has no
  // array, so every byte went through HeapByteBufferR and every string through a scratch copy;
  // copying the ~100 bytes of a value once costs less than three buffers and those reads
  private final byte[] in; // never written
  private final int start;
  private final int end;
  private int position;

  /** Reads {@code length} bytes of {@code in} from {@code offset}, which it never changes. */
  ByteReader(byte[] in, int offset, int length) {
    this.in = in;
    this.start = offset;
    this.end = offset + length;
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
    return in[position++] & 0xFF;
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
    if (!Utf8.isWellFormed(in, position, length)) {
      throw fail("text that is not well-formed UTF-8");
    }
    String text = new String(in, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }

  /** An attribute name: as {@link #readUtf8}, through {@link AttributeNames}. */
  String readName(int length) {
    String name = AttributeNames.lookup(in, position, length);
    if (name != null) {
      position += length;
      return name;
    }
    int from = position;
    name = readUtf8(length);
    AttributeNames.remember(in, from, length, name);
    return name;
  }

  byte[] readBytes(int length) {
    byte[] bytes = Arrays.copyOfRange(in, position, position + length);
    position += length;
    return bytes;
  }

  /** Whether the next {@code length} bytes are {@code expected}; moves past them either way. */
  boolean skipMatching(int length, byte[] expected) {
    boolean same = length == expected.length;
    for (int i = 0; same && i < length; i++) {
      same = in[position + i] == expected[i];
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
