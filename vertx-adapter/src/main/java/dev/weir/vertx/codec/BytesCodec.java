package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import io.vertx.core.buffer.Buffer;

final class BytesCodec extends BinaryCodec<Bytes> {

  BytesCodec() {
    super("weir.bytes", Bytes.class);
  }

  @Override
  void write(Buffer b, Bytes m) {
    WireWriter.writeBytes(b, m);
  }

  @Override
  Bytes read(WireReader r) {
    return r.readBytes();
  }
}
