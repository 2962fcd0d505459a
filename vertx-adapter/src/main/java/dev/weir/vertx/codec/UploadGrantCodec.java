package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class UploadGrantCodec extends BinaryCodec<UploadGrant> {

  UploadGrantCodec() {
    super("weir.upload-grant", UploadGrant.class);
  }

  @Override
  void write(Buffer b, UploadGrant m) {
    b.appendInt(m.window()).appendInt(m.chunkBytes());
  }

  @Override
  UploadGrant read(WireReader r) {
    return new UploadGrant(r.readInt(), r.readInt());
  }
}
