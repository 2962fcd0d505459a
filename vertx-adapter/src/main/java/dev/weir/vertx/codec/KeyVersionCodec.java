package dev.weir.vertx.codec;

import dev.weir.engine.KeyVersion;
import io.vertx.core.buffer.Buffer;

/** An item of history streams; travels only inside stream frames. */
final class KeyVersionCodec extends BinaryCodec<KeyVersion> {

  KeyVersionCodec() {
    super("weir.key-version", KeyVersion.class);
  }

  @Override
  void write(Buffer b, KeyVersion v) {
    b.appendLong(v.sequence());
    WireWriter.writeBytes(b, v.value());
  }

  @Override
  KeyVersion read(WireReader r) {
    long sequence = r.readLong();
    return new KeyVersion(sequence, r.readBytes());
  }
}
