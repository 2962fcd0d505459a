package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one message's fields from a wire buffer, checking every length against the message's
 * end: a truncated or forged message fails with a typed error instead of reading its neighbour's
 * bytes or allocating what a forged length asks for.
 */
final class WireReader {

  private final Buffer buffer;
  private final int end;
  private int pos;

  WireReader(Buffer buffer, int pos, int end) {
    this.buffer = buffer;
    this.pos = pos;
    this.end = end;
  }

  byte readByte() {
    need(1);
    return buffer.getByte(pos++);
  }

  boolean readBoolean() {
    return readByte() != 0;
  }

  int readInt() {
    need(4);
    int v = buffer.getInt(pos);
    pos += 4;
    return v;
  }

  long readLong() {
    need(8);
    long v = buffer.getLong(pos);
    pos += 8;
    return v;
  }

  /** A length-prefixed byte string; length -1 is {@code null}. */
  Bytes readBytes() {
    int length = readInt();
    if (length == -1) {
      return null;
    }
    if (length < 0) {
      throw malformed("negative length " + length);
    }
    need(length);
    Bytes b = Bytes.wrap(buffer.getBytes(pos, pos + length));
    pos += length;
    return b;
  }

  String readString() {
    Bytes b = readBytes();
    return b == null ? null : new String(b.toByteArray(), StandardCharsets.UTF_8);
  }

  /** A string that must be there: {@code what} names it when it is not. */
  String readRequiredString(String what) {
    String s = readString();
    if (s == null) {
      throw malformed(what + " missing");
    }
    return s;
  }

  /** A length-prefixed byte string as a read-only buffer of its own. */
  ByteBuffer readBuffer() {
    int length = readInt();
    if (length < 0) {
      throw malformed("negative length " + length);
    }
    need(length);
    ByteBuffer b = ByteBuffer.wrap(buffer.getBytes(pos, pos + length)).asReadOnlyBuffer();
    pos += length;
    return b;
  }

  /** A nullable instant, exact to the nanosecond. */
  Instant readInstant() {
    if (!readBoolean()) {
      return null;
    }
    long seconds = readLong();
    int nanos = readNanos();
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (java.time.DateTimeException e) {
      throw malformed("instant out of range: " + seconds);
    }
  }

  /** A map of non-null strings, in the order written. */
  Map<String, String> readStringMap() {
    int n = readCount(8);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String k = readRequiredString("map key");
      map.put(k, readRequiredString("map value"));
    }
    return map;
  }

  /** A nullable duration, exact to the nanosecond so that bad TTLs reach the store unchanged. */
  Duration readDuration() {
    if (!readBoolean()) {
      return null;
    }
    long seconds = readLong();
    return Duration.ofSeconds(seconds, readNanos());
  }

  private int readNanos() {
    int nanos = readInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw malformed("nanos out of range: " + nanos);
    }
    return nanos;
  }

  /** A count of items that each take at least {@code minItemBytes}: bounded by what is left. */
  int readCount(int minItemBytes) {
    int n = readInt();
    if (n < 0 || (long) n * minItemBytes > end - pos) {
      throw malformed("count " + n + " does not fit in " + (end - pos) + " bytes");
    }
    return n;
  }

  /** As {@link #readCount}, where -1 stands for no list at all ({@code null}). */
  int readCountOrNone(int minItemBytes) {
    int n = readInt();
    if (n == -1) {
      return -1;
    }
    pos -= 4;
    return readCount(minItemBytes);
  }

  void expectEnd() {
    if (pos != end) {
      throw malformed((end - pos) + " trailing bytes");
    }
  }

  private void need(int n) {
    if (n > end - pos) {
      throw malformed("truncated: needs " + n + " bytes at " + pos + ", has " + (end - pos));
    }
  }

  static InvalidArgumentException malformed(String why) {
    return new InvalidArgumentException("malformed message: " + why);
  }
}
