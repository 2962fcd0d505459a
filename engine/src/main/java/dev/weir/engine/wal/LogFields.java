package dev.weir.engine.wal;

import java.nio.ByteBuffer;

/**
 * The field encoding the log's payloads share, the WAL's records and the manifest's: a byte
 * array, possibly absent, as a u32 length (-1 for absent) and its bytes.
 */
public final class LogFields {

  private LogFields() {}

  /** The bytes {@link #putBytes} takes for {@code bytes}. */
  public static int size(byte[] bytes) {
    return 4 + (bytes == null ? 0 : bytes.length);
  }

  public static void putBytes(ByteBuffer out, byte[] bytes) {
    if (bytes == null) {
      out.putInt(-1);
    } else {
      out.putInt(bytes.length);
      out.put(bytes);
    }
  }

  /**
   * Reads what {@link #putBytes} wrote; a length that is neither -1 nor within what is left
   * throws {@link IllegalArgumentException}.
   */
  public static byte[] getBytes(ByteBuffer in) {
    int n = in.getInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("bad length " + n);
    }
    byte[] bytes = new byte[n];
    in.get(bytes);
    return bytes;
  }
}
