package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class WeirFailureCodec extends BinaryCodec<WeirFailure> {

  WeirFailureCodec() {
    super("weir.failure", WeirFailure.class);
  }

  @Override
  void write(Buffer b, WeirFailure m) {
    b.appendInt(m.failureCode()).appendInt(m.detail());
    WireWriter.writeString(b, m.getMessage());
    WireWriter.writeString(b, m.store());
    WireWriter.writeBytes(b, m.payload());
  }

  @Override
  WeirFailure read(WireReader r) {
    return new WeirFailure(r.readInt(), r.readInt(), r.readString(), r.readString(),
        r.readBytes());
  }
}
