package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;

/**
 * A piece of an object's content; travels only inside stream frames. Decoded as a read-only
 * buffer, as the store hands its own out.
 */
final class ByteBufferCodec extends BinaryCodec<ByteBuffer> {

  ByteBufferCodec() {
    super("weir.byte-buffer", ByteBuffer.class);
  }

  @Override
  void write(Buffer b, ByteBuffer m) {
    WireWriter.writeBuffer(b, m);
  }

  @Override
  ByteBuffer read(WireReader r) {
    return r.readBuffer();
  }
}
