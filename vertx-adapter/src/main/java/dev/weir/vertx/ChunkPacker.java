package dev.weir.vertx;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an upload's content into chunks of {@code chunkBytes} (the last one shorter), copying
 * each byte once as it arrives, so the caller may reuse its buffer as soon as {@code onNext}
 * returns: small buffers are gathered, large ones cut. The chunks are read-only views of arrays
 * nobody else holds. Until a first chunk fills, its array starts small and doubles, so a tiny
 * object does not allocate a whole chunk. Not thread-safe: Reactive Streams' serial signals are
 * enough.
 */
final class ChunkPacker {

  private static final int FIRST_CAPACITY = 8 * 1024;

  private final int chunkBytes;
  private byte[] current;
  private int filled;
  private boolean large;

  ChunkPacker(int chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  /** Copies {@code buffer}'s remaining bytes (its position is not moved); full chunks out. */
  List<ByteBuffer> accept(ByteBuffer buffer) {
    ByteBuffer in = buffer.duplicate();
    List<ByteBuffer> out = List.of();
    while (in.hasRemaining()) {
      if (current == null) {
        current = new byte[large ? chunkBytes
            : Math.min(chunkBytes, Math.max(FIRST_CAPACITY, in.remaining()))];
      } else if (filled == current.length) {
        current = Arrays.copyOf(current, Math.min(chunkBytes, current.length * 2));
      }
      int n = Math.min(in.remaining(), current.length - filled);
      in.get(current, filled, n);
      filled += n;
      if (filled == chunkBytes) {
        if (out.isEmpty()) {
          out = new ArrayList<>(2);
        }
        out.add(take());
        large = true;
      }
    }
    return out;
  }

  /** What is left: the last chunk, possibly empty. */
  ByteBuffer finish() {
    return current == null ? ByteBuffer.allocate(0).asReadOnlyBuffer() : take();
  }

  private ByteBuffer take() {
    ByteBuffer chunk = ByteBuffer.wrap(current, 0, filled).slice().asReadOnlyBuffer();
    current = null;
    filled = 0;
    return chunk;
  }
}
