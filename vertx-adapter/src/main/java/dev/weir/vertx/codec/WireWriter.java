package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
    writeBytes(b, s == null ? null : Bytes.wrap(s.getBytes(StandardCharsets.UTF_8)));
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
}
