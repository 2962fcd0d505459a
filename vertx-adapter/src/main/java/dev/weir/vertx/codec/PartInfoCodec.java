package dev.weir.vertx.codec;

import dev.weir.reactive.object.PartInfo;
import io.vertx.core.buffer.Buffer;

/** The ETag and the time are nullable: a part named for completion has neither checked yet. */
final class PartInfoCodec extends BinaryCodec<PartInfo> {

  PartInfoCodec() {
    super("weir.part-info", PartInfo.class);
  }

  @Override
  void write(Buffer b, PartInfo p) {
    b.appendInt(p.partNumber());
    WireWriter.writeString(b, p.etag());
    b.appendLong(p.size());
    WireWriter.writeInstant(b, p.lastModified());
  }

  @Override
  PartInfo read(WireReader r) {
    return new PartInfo(r.readInt(), r.readString(), r.readLong(), r.readInstant());
  }
}
