package dev.weir.vertx.codec;

import dev.weir.reactive.object.ObjectInfo;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Map;

final class ObjectInfoCodec extends BinaryCodec<ObjectInfo> {

  ObjectInfoCodec() {
    super("weir.object-info", ObjectInfo.class);
  }

  @Override
  void write(Buffer b, ObjectInfo m) {
    WireWriter.writeString(b, m.key());
    b.appendLong(m.size());
    WireWriter.writeString(b, m.contentType());
    WireWriter.writeStringMap(b, m.metadata());
    WireWriter.writeString(b, m.etag());
    b.appendInt(m.crc32c()).appendLong(m.sequence());
    WireWriter.writeInstant(b, m.created());
  }

  @Override
  ObjectInfo read(WireReader r) {
    String key = r.readRequiredString("object key");
    long size = r.readLong();
    String contentType = r.readRequiredString("content type");
    Map<String, String> metadata = r.readStringMap();
    String etag = r.readRequiredString("etag");
    int crc32c = r.readInt();
    long sequence = r.readLong();
    Instant created = r.readInstant();
    return new ObjectInfo(key, size, contentType, metadata, etag, crc32c, sequence, created);
  }
}
