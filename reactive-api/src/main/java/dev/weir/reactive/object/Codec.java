package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The binary form of the object layer's records: big-endian numbers, strings as a length and
 * UTF-8 bytes. Each record starts with a format byte (DO NOT CHANGE released values) so a
 * later layout can be told from this one.
 */
final class Codec {

  private Codec() {}

  /** A growable writer whose result the caller owns. */
  static final class Writer {
    private byte[] buf = new byte[64];
    private int len;

    Writer(int format) {
      u8(format);
    }

    Writer u8(int v) {
      ensure(1);
      buf[len++] = (byte) v;
      return this;
    }

    Writer i32(int v) {
      ensure(4);
      for (int s = 24; s >= 0; s -= 8) {
        buf[len++] = (byte) (v >>> s);
      }
      return this;
    }

    Writer i64(long v) {
      ensure(8);
      for (int s = 56; s >= 0; s -= 8) {
        buf[len++] = (byte) (v >>> s);
      }
      return this;
    }

    Writer str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
      return this;
    }

    Writer map(Map<String, String> m) {
      i32(m.size());
      m.forEach((k, v) -> str(k).str(v));
      return this;
    }

    Bytes toBytes() {
      return Bytes.wrap(Arrays.copyOf(buf, len));
    }

    private void ensure(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }
  }

  /** A reader over a stored value; a malformed record is an internal error. */
  static final class Reader {
    private final ByteBuffer in;

    Reader(Bytes value, int format) {
      this.in = value.asReadOnlyByteBuffer();
      int f = u8();
      if (f != format) {
        throw corrupt("format " + f + ", expected " + format);
      }
    }

    int u8() {
      return get(() -> in.get() & 0xFF);
    }

    int i32() {
      return get(in::getInt);
    }

    long i64() {
      return get(in::getLong);
    }

    String str() {
      int n = i32();
      byte[] b = new byte[n];
      get(() -> in.get(b));
      return new String(b, StandardCharsets.UTF_8);
    }

    Map<String, String> map() {
      int n = i32();
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        m.put(str(), str());
      }
      return m;
    }

    private <T> T get(Supplier<T> read) {
      try {
        return read.get();
      } catch (BufferUnderflowException e) {
        throw corrupt("truncated record");
      }
    }

    private static WeirException corrupt(String why) {
      return new WeirException(ErrorCode.INTERNAL, "corrupt object record: " + why);
    }
  }
}
