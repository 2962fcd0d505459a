package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.engine.KeyRange;
import io.vertx.core.buffer.Buffer;

/** Both bounds nullable (open), the direction and the limit, unchecked: the store checks. */
final class KeyRangeCodec extends BinaryCodec<KeyRange> {

  KeyRangeCodec() {
    super("weir.key-range", KeyRange.class);
  }

  @Override
  void write(Buffer b, KeyRange m) {
    WireWriter.writeBytes(b, m.fromKey());
    WireWriter.writeBytes(b, m.toKey());
    WireWriter.writeBoolean(b, m.isReverse());
    b.appendLong(m.limit());
  }

  @Override
  KeyRange read(WireReader r) {
    Bytes from = r.readBytes();
    Bytes to = r.readBytes();
    boolean reverse = r.readBoolean();
    long limit = r.readLong();
    return KeyRange.of(from, to).reverse(reverse).limit(limit);
  }
}
