package dev.weir.table.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A byte array that grows as it is written, with the varints of Weir's encodings. Owned by the
 * one thread encoding one item or key; not for concurrent use.
 */
final class ByteWriter {
  private byte[] buffer;
  private int size;

  ByteWriter(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void put(int b) {
    ensure(1);
    buffer[size++] = (byte) b;
  }

  void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  /** The remaining bytes of {@code bytes}, whose position is not moved. */
  void put(ByteBuffer bytes) {
    int n = bytes.remaining();
    ensure(n);
    bytes.get(bytes.position(), buffer, size, n);
    size += n;
  }

  /** An unsigned LEB128 varint: 7 bits a byte, low bits first, at most 10 bytes. */
  void putVarint(long value) {
    ensure(10);
    long v = value;
    while ((v & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[size++] = (byte) v;
  }

  byte[] toArray() {
    return Arrays.copyOf(buffer, size);
  }

  void clear() {
    size = 0;
  }

  static int varintSize(long value) {
    return value == 0 ? 1 : (63 - Long.numberOfLeadingZeros(value)) / 7 + 1;
  }

  /** Small magnitudes of either sign as small unsigned numbers: 0, -1, 1, -2 ... to 0, 1, 2, 3. */
  static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  static long unzigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
