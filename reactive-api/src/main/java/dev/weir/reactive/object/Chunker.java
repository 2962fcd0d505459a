package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Cuts a stream of buffers of any size into chunks of exactly {@code chunkSize} bytes (the last
 * one shorter), copying each incoming byte once into an array the store then owns ({@link
 * Bytes#wrap}), and digesting the bytes as they pass. One per streamed upload; not
 * thread-safe, which Reactive Streams' serial {@code onNext} guarantees is enough.
 *
 * <p>The first chunk's array starts small and doubles, so a 10-byte object does not allocate a
 * whole chunk; once one chunk has filled, the object is large and later arrays are allocated
 * at full size, so a large object's bytes are copied exactly once.
 */
final class Chunker {

  private static final int FIRST_CAPACITY = 8 * 1024;

  /** A chunk ready to store. */
  record Chunk(int index, Bytes bytes) {}

  private final int chunkSize;
  private final MessageDigest md5 = Digests.md5();
  private final CRC32C crc = new CRC32C();
  private byte[] current;
  private int filled;
  private int nextIndex;
  private long size;

  Chunker(int chunkSize) {
    this.chunkSize = chunkSize;
  }

  /** Copies {@code buffer}'s remaining bytes (its position is not moved); full chunks out. */
  List<Chunk> accept(ByteBuffer buffer) {
    ByteBuffer in = buffer.duplicate();
    List<Chunk> out = List.of();
    while (in.hasRemaining()) {
      if (current == null) {
        current = new byte[firstCapacity(in.remaining())];
      } else if (filled == current.length) {
        current = Arrays.copyOf(current, Math.min(chunkSize, current.length * 2));
      }
      int n = Math.min(in.remaining(), current.length - filled);
      in.get(current, filled, n);
      md5.update(current, filled, n);
      crc.update(current, filled, n);
      filled += n;
      size += n;
      if (filled == chunkSize) {
        if (out.isEmpty()) {
          out = new ArrayList<>(2);
        }
        out.add(new Chunk(nextIndex++, Bytes.wrap(current)));
        current = null;
        filled = 0;
      }
    }
    return out;
  }

  /** The last, partial chunk, if any. */
  List<Chunk> finish() {
    if (filled == 0) {
      return List.of();
    }
    byte[] last = filled == current.length ? current : Arrays.copyOf(current, filled);
    current = null;
    filled = 0;
    return List.of(new Chunk(nextIndex++, Bytes.wrap(last)));
  }

  Blob result(String blobId) {
    return new Blob(blobId, size, chunkSize, md5.digest(), (int) crc.getValue());
  }

  private int firstCapacity(int incoming) {
    if (nextIndex > 0) {
      return chunkSize;
    }
    return Math.min(chunkSize, Math.max(FIRST_CAPACITY, incoming));
  }
}
