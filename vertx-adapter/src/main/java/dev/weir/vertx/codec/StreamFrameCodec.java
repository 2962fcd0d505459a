package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyVersion;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/** Stream id, kind code, the items, then the end flag with an error code, detail and message. */
final class StreamFrameCodec extends BinaryCodec<StreamFrame> {

  StreamFrameCodec() {
    super("weir.stream-frame", StreamFrame.class);
  }

  @Override
  void write(Buffer b, StreamFrame f) {
    b.appendLong(f.stream()).appendByte((byte) f.kind().code()).appendInt(f.items().size());
    for (Object item : f.items()) {
      switch (f.kind()) {
        case ENTRY:
          EntryCodec.writeEntry(b, (Entry) item);
          break;
        case KEY_VERSION:
          KeyVersion v = (KeyVersion) item;
          b.appendLong(v.sequence());
          WireWriter.writeBytes(b, v.value());
          break;
        default:
          ChangeEvent c = (ChangeEvent) item;
          b.appendByte((byte) c.type().code());
          WireWriter.writeBytes(b, c.key());
          WireWriter.writeBytes(b, c.value());
          WireWriter.writeBytes(b, c.rangeEnd());
          b.appendLong(c.sequence());
      }
    }
    WireWriter.writeBoolean(b, f.end());
    b.appendInt(f.errorCode()).appendInt(f.errorDetail());
    WireWriter.writeString(b, f.errorMessage());
  }

  @Override
  StreamFrame read(WireReader r) {
    long stream = r.readLong();
    StreamFrame.Kind kind = StreamFrame.Kind.ofCode(r.readByte());
    int n = r.readCount(12);
    List<Object> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(readItem(kind, r));
    }
    boolean end = r.readBoolean();
    int code = r.readInt();
    int detail = r.readInt();
    String message = r.readString();
    return new StreamFrame(stream, kind, items, end, code, detail, message);
  }

  private static Object readItem(StreamFrame.Kind kind, WireReader r) {
    switch (kind) {
      case ENTRY:
        return EntryCodec.readEntry(r);
      case KEY_VERSION:
        long sequence = r.readLong();
        return new KeyVersion(sequence, r.readBytes());
      default:
        ChangeEvent.Type type = changeType(r.readByte());
        Bytes key = r.readBytes();
        Bytes value = r.readBytes();
        Bytes rangeEnd = r.readBytes();
        if (key == null) {
          throw WireReader.malformed("change event without key");
        }
        return new ChangeEvent(type, key, value, rangeEnd, r.readLong());
    }
  }

  private static ChangeEvent.Type changeType(int code) {
    try {
      return ChangeEvent.Type.ofCode(code);
    } catch (RuntimeException e) {
      throw WireReader.malformed("change type " + code);
    }
  }
}
