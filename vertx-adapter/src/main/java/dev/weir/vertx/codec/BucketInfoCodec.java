package dev.weir.vertx.codec;

import dev.weir.reactive.object.BucketInfo;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;

final class BucketInfoCodec extends BinaryCodec<BucketInfo> {

  BucketInfoCodec() {
    super("weir.bucket-info", BucketInfo.class);
  }

  @Override
  void write(Buffer b, BucketInfo m) {
    WireWriter.writeString(b, m.name());
    WireWriter.writeInstant(b, m.created());
  }

  @Override
  BucketInfo read(WireReader r) {
    String name = r.readRequiredString("bucket name");
    Instant created = r.readInstant();
    return new BucketInfo(name, created);
  }
}
