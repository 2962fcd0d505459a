package dev.weir.vertx.codec;

import dev.weir.reactive.object.Upload;
import io.vertx.core.buffer.Buffer;

/** Every field nullable: a caller may name an upload it forged, and the store refuses it. */
final class UploadCodec extends BinaryCodec<Upload> {

  UploadCodec() {
    super("weir.upload", Upload.class);
  }

  @Override
  void write(Buffer b, Upload u) {
    WireWriter.writeString(b, u.bucket());
    WireWriter.writeString(b, u.key());
    WireWriter.writeString(b, u.uploadId());
    WireWriter.writeInstant(b, u.initiated());
  }

  @Override
  Upload read(WireReader r) {
    return new Upload(r.readString(), r.readString(), r.readString(), r.readInstant());
  }
}
