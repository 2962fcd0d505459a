package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class ObjectRequestCodec extends BinaryCodec<ObjectRequest> {

  ObjectRequestCodec() {
    super("weir.object-request", ObjectRequest.class);
  }

  @Override
  void write(Buffer b, ObjectRequest m) {
    WireWriter.writeString(b, m.bucket());
    WireWriter.writeString(b, m.key());
    WireWriter.writeString(b, m.arg());
    WireWriter.writeString(b, m.startAfter());
    b.appendLong(m.offset()).appendLong(m.length());
  }

  @Override
  ObjectRequest read(WireReader r) {
    return new ObjectRequest(r.readString(), r.readString(), r.readString(), r.readString(),
        r.readLong(), r.readLong());
  }
}
