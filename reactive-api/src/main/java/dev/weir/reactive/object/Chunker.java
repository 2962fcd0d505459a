package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a stream of buffers of any size into chunks of exactly {@code chunkSize} bytes (the last
 * one shorter), copying each incoming byte once into an array the store then owns ({@link
 * Bytes#wrap}), and digesting each piece right after its copy, while it is still in cache. One
 * per streamed upload; not thread-safe, which Reactive Streams' serial {@code onNext}
 * guarantees is enough.
 *
 * <p>A buffer that holds a whole chunk at a chunk boundary is copied with one {@link
 * Arrays#copyOfRange}, which allocates the array without zeroing it first (the JIT knows every
 * byte is about to be written): a large object costs one pass of copying, not two.
 *
 * <p>Otherwise the first chunk's array starts small and doubles up to 64 KiB, so a 10-byte
 * object does not allocate a whole chunk; past that, and once one chunk has filled, arrays are
 * allocated at full size.
 */
final class Chunker {

  private static final int FIRST_CAPACITY = 8 * 1024;
  /** Past this, the first chunk's array grows straight to a whole chunk. */
  private static final int LAST_DOUBLING = 64 * 1024;

  /** A chunk ready to store. */
  record Chunk(int index, Bytes bytes) {}

  private final int chunkSize;
  private final ContentHash digests;
  private byte[] current;
  private int filled;
  private int nextIndex;
  private long size;

  Chunker(int chunkSize, EtagAlgorithm etag) {
    this.chunkSize = chunkSize;
    this.digests = new ContentHash(etag);
  }

  /** Copies {@code buffer}'s remaining bytes (its position is not moved); full chunks out. */
  List<Chunk> accept(ByteBuffer buffer) {
    ByteBuffer in = buffer.duplicate();
    List<Chunk> out = List.of();
    while (in.hasRemaining()) {
      if (current == null && in.remaining() >= chunkSize) {
        out = add(out, whole(in));
        continue;
      }
      if (current == null) {
        current = new byte[firstCapacity(in.remaining())];
      } else if (filled == current.length) {
        current = Arrays.copyOf(current, grown(current.length));
      }
      int n = Math.min(in.remaining(), current.length - filled);
      in.get(current, filled, n);
      digests.update(current, filled, n);
      filled += n;
      size += n;
      if (filled == chunkSize) {
        out = add(out, current);
        current = null;
        filled = 0;
      }
    }
    return out;
  }

  /** The next {@code chunkSize} bytes of {@code in}, copied and digested. */
  private byte[] whole(ByteBuffer in) {
    byte[] chunk;
    if (in.hasArray()) {
      int from = in.arrayOffset() + in.position();
      chunk = Arrays.copyOfRange(in.array(), from, from + chunkSize);
      in.position(in.position() + chunkSize);
    } else {
      chunk = new byte[chunkSize];
      in.get(chunk);
    }
    digests.update(chunk, 0, chunkSize);
    size += chunkSize;
    return chunk;
  }

  private List<Chunk> add(List<Chunk> out, byte[] chunk) {
    List<Chunk> list = out.isEmpty() ? new ArrayList<>(2) : out;
    list.add(new Chunk(nextIndex++, Bytes.wrap(chunk)));
    return list;
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
    return new Blob(blobId, size, chunkSize, digests.digest(blobId), digests.crc32c());
  }

  /**
   * Doubling all the way would copy the first chunk's bytes once more in total (a quarter more
   * copying for a 4 MiB object streamed in small buffers); doubling up to 64 KiB and then
   * allocating the whole chunk copies at most ~120 KiB again, once per object.
   */
  private int grown(int capacity) {
    return capacity >= LAST_DOUBLING ? chunkSize : Math.min(chunkSize, capacity * 2);
  }

  private int firstCapacity(int incoming) {
    if (nextIndex > 0) {
      return chunkSize;
    }
    return Math.min(chunkSize, Math.max(FIRST_CAPACITY, incoming));
  }
}
