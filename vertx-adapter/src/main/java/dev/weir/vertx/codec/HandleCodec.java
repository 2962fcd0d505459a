package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class HandleCodec extends BinaryCodec<Handle> {

  HandleCodec() {
    super("weir.handle", Handle.class);
  }

  @Override
  void write(Buffer b, Handle m) {
    b.appendLong(m.id()).appendLong(m.sequence());
    WireWriter.writeBoolean(b, m.readOnly());
  }

  @Override
  Handle read(WireReader r) {
    return new Handle(r.readLong(), r.readLong(), r.readBoolean());
  }
}
