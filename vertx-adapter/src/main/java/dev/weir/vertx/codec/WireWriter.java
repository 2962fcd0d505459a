package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The writing half of {@link WireReader}: the same field layouts, appended to a buffer. */
final class WireWriter {

  private WireWriter() {}

  static void writeBytes(Buffer b, Bytes v) {
    if (v == null) {
      b.appendInt(-1);
    } else {
      b.appendInt(v.length()).appendBytes(v.toByteArray());
    }
  }

  static void writeString(Buffer b, String s) {
    writeBytes(b, s == null ? null : Bytes.utf8(s)); // refuses what would alias another key
  }

  static void writeBoolean(Buffer b, boolean v) {
    b.appendByte(v ? (byte) 1 : (byte) 0);
  }

  static void writeDuration(Buffer b, Duration d) {
    writeBoolean(b, d != null);
    if (d != null) {
      b.appendLong(d.getSeconds()).appendInt(d.getNano());
    }
  }

  static void writeInstant(Buffer b, Instant t) {
    writeBoolean(b, t != null);
    if (t != null) {
      b.appendLong(t.getEpochSecond()).appendInt(t.getNano());
    }
  }

  static void writeStringMap(Buffer b, Map<String, String> map) {
    b.appendInt(map.size());
    map.forEach((k, v) -> {
      writeString(b, k);
      writeString(b, v);
    });
  }

  /**
   * A buffer's remaining bytes, length-prefixed, its position untouched. Copied once, straight
   * from the buffer: a read-only buffer (what the store hands out) has no array to append.
   */
  static void writeBuffer(Buffer b, ByteBuffer v) {
    b.appendInt(v.remaining());
    b.appendBuffer(BufferInternal.buffer(Unpooled.wrappedBuffer(v.duplicate())));
  }
}
