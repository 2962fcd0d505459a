package dev.weir.vertx.codec;

import dev.weir.reactive.object.Features;
import io.vertx.core.buffer.Buffer;

/** One byte a flag, in the record's declaration order; a new flag is appended, never inserted. */
final class FeaturesCodec extends BinaryCodec<Features> {

  FeaturesCodec() {
    super("weir.features", Features.class);
  }

  @Override
  void write(Buffer b, Features f) {
    for (boolean flag : new boolean[] {f.move(), f.serverSideMove(), f.serverSideCopy(),
        f.directories(), f.multipart(), f.rangedReads(), f.md5(), f.crc32c(), f.watch(),
        f.publicUrl(), f.signedUrl()}) {
      WireWriter.writeBoolean(b, flag);
    }
  }

  @Override
  Features read(WireReader r) {
    return new Features(r.readBoolean(), r.readBoolean(), r.readBoolean(), r.readBoolean(),
        r.readBoolean(), r.readBoolean(), r.readBoolean(), r.readBoolean(), r.readBoolean(),
        r.readBoolean(), r.readBoolean());
  }
}
