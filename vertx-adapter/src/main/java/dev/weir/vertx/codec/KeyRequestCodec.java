package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class KeyRequestCodec extends BinaryCodec<KeyRequest> {

  KeyRequestCodec() {
    super("weir.key-request", KeyRequest.class);
  }

  @Override
  void write(Buffer b, KeyRequest m) {
    WireWriter.writeBytes(b, m.key());
    b.appendLong(m.arg());
  }

  @Override
  KeyRequest read(WireReader r) {
    return new KeyRequest(r.readBytes(), r.readLong());
  }
}
