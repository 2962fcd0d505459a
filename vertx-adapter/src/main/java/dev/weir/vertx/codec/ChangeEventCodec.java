package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import io.vertx.core.buffer.Buffer;

/** An item of watch streams; travels only inside stream frames. */
final class ChangeEventCodec extends BinaryCodec<ChangeEvent> {

  ChangeEventCodec() {
    super("weir.change-event", ChangeEvent.class);
  }

  @Override
  void write(Buffer b, ChangeEvent c) {
    b.appendByte((byte) c.type().code());
    WireWriter.writeBytes(b, c.key());
    WireWriter.writeBytes(b, c.value());
    WireWriter.writeBytes(b, c.rangeEnd());
    b.appendLong(c.sequence());
  }

  @Override
  ChangeEvent read(WireReader r) {
    ChangeEvent.Type type = changeType(r.readByte());
    Bytes key = r.readBytes();
    Bytes value = r.readBytes();
    Bytes rangeEnd = r.readBytes();
    if (key == null) {
      throw WireReader.malformed("change event without key");
    }
    return new ChangeEvent(type, key, value, rangeEnd, r.readLong());
  }

  private static ChangeEvent.Type changeType(int code) {
    try {
      return ChangeEvent.Type.ofCode(code);
    } catch (RuntimeException e) {
      throw WireReader.malformed("change type " + code);
    }
  }
}
