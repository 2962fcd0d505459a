package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class CreditCodec extends BinaryCodec<Credit> {

  CreditCodec() {
    super("weir.credit", Credit.class);
  }

  @Override
  void write(Buffer b, Credit m) {
    b.appendLong(m.stream()).appendLong(m.credits());
  }

  @Override
  Credit read(WireReader r) {
    return new Credit(r.readLong(), r.readLong());
  }
}
