package dev.weir.vertx.codec;

import dev.weir.reactive.object.ObjectOptions;
import io.vertx.core.buffer.Buffer;

/** Bucket, key, then the options if present: content type and metadata. */
final class ObjectWriteCodec extends BinaryCodec<ObjectWrite> {

  ObjectWriteCodec() {
    super("weir.object-write", ObjectWrite.class);
  }

  @Override
  void write(Buffer b, ObjectWrite m) {
    WireWriter.writeString(b, m.bucket());
    WireWriter.writeString(b, m.key());
    ObjectOptions o = m.options();
    WireWriter.writeBoolean(b, o != null);
    if (o != null) {
      WireWriter.writeString(b, o.contentType());
      WireWriter.writeStringMap(b, o.metadata());
    }
  }

  @Override
  ObjectWrite read(WireReader r) {
    String bucket = r.readString();
    String key = r.readString();
    ObjectOptions options = null;
    if (r.readBoolean()) {
      options = ObjectOptions.contentType(r.readRequiredString("content type"))
          .withMetadata(r.readStringMap());
    }
    return new ObjectWrite(bucket, key, options);
  }
}
