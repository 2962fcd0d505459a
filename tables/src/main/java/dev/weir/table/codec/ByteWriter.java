package dev.weir.table.codec;

import dev.weir.engine.Bytes;
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

  /** The bytes of {@code bytes}, read in place (a read-only buffer of them cost three objects). */
  void put(Bytes bytes) {
    int n = bytes.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buffer[size++] = bytes.byteAt(i);
    }
  }

  /** {@code length} bytes of {@code bytes} from {@code offset}, each 0x00 followed by 0xFF. */
  void putEscaped(byte[] bytes, int offset, int length, int escape) {
    ensure(length);
    for (int i = offset, end = offset + length; i < end; i++) {
      byte b = bytes[i];
      if (b == 0) {
        ensure(end - i + 1);
        buffer[size++] = 0;
        buffer[size++] = (byte) escape;
      } else {
        buffer[size++] = b;
      }
    }
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
