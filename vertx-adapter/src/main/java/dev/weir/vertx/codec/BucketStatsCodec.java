package dev.weir.vertx.codec;

import dev.weir.reactive.object.BucketStats;
import io.vertx.core.buffer.Buffer;

final class BucketStatsCodec extends BinaryCodec<BucketStats> {

  BucketStatsCodec() {
    super("weir.bucket-stats", BucketStats.class);
  }

  @Override
  void write(Buffer b, BucketStats m) {
    WireWriter.writeString(b, m.bucket());
    b.appendLong(m.objects()).appendLong(m.bytes()).appendLong(m.openUploads())
        .appendLong(m.uploadBytes());
  }

  @Override
  BucketStats read(WireReader r) {
    return new BucketStats(r.readRequiredString("bucket name"), r.readLong(), r.readLong(),
        r.readLong(), r.readLong());
  }
}
