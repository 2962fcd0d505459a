package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class UploadChunkCodec extends BinaryCodec<UploadChunk> {

  UploadChunkCodec() {
    super("weir.upload-chunk", UploadChunk.class);
  }

  @Override
  void write(Buffer b, UploadChunk m) {
    b.appendLong(m.stream()).appendLong(m.seq());
    WireWriter.writeBoolean(b, m.last());
    WireWriter.writeBuffer(b, m.data());
  }

  @Override
  UploadChunk read(WireReader r) {
    long stream = r.readLong();
    long seq = r.readLong();
    boolean last = r.readBoolean();
    return new UploadChunk(stream, seq, last, r.readBuffer());
  }
}
